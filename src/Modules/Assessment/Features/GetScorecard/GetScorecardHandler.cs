using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Members.Contracts;

using Chuangji.Workflow.Modules.Assessment.Scorecards;

namespace Chuangji.Workflow.Modules.Assessment.Features.GetScorecard;

/// <summary>One member's scorecard for a year, as of a moment (now by default).</summary>
internal sealed class GetScorecardHandler(ScorecardSources sources, RubricBook rubrics, IMembersModule members, IAssessmentPeriods periods, CollegeClock clock)
{
    public async Task<MemberScorecard> HandleAsync(string staffNumber, int year, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        Identifier.Required(violations, "staff_number", staffNumber);
        violations.ThrowIfAny();
        var moment = asOf ?? clock.UtcNow;
        var rubric = await rubrics.GetAsOfAsync(year, moment, cancellationToken);
        var member = await members.FindMemberAsync(staffNumber, cancellationToken) ?? throw new NotFoundException("member", staffNumber, "staff_number");
        var facts = await sources.FactsOfAsync([member.MemberId], year, cancellationToken);
        var bonusItems = await sources.ApprovedBonusItemsAsync(year, cancellationToken);
        var closesOn = await periods.ClosesOnAsync(year, cancellationToken);
        return sources.Score(member, rubric, moment, facts[member.MemberId], bonusItems, closesOn);
    }
}
