using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.Shared;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Features.ApproveBonusItems;

internal sealed record BonusItemDecisionInput(string Code, bool Approve, string Note);

/// <summary>
/// The party committee approves or rejects the items branches proposed. The same decision again changes
/// nothing; the whole request is one transaction.
/// </summary>
internal sealed class ApproveBonusItemsHandler(AssessmentDbContext db, CollegeClock clock)
{
    public async Task<IReadOnlyList<BonusItem>> HandleAsync(int year, IReadOnlyList<BonusItemDecisionInput> decisions, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        var violations = new Violations();
        if (decisions.Count is 0 or > BonusItemWrites.MaxItemsPerCall)
        {
            violations.Add("decisions", $"must hold 1 to {BonusItemWrites.MaxItemsPerCall} decisions, not {decisions.Count}");
            violations.ThrowIfAny();
        }

        for (var i = 0; i < decisions.Count; i++)
        {
            Identifier.Required(violations, $"decisions[{i}].code", decisions[i].Code);
            TextField.Optional(violations, $"decisions[{i}].note", decisions[i].Note, 500);
        }

        violations.ThrowIfAny();
        var codes = decisions.Select(d => d.Code).ToList();
        var items = await db.BonusItems.Where(b => b.Year == year && codes.Contains(b.Code)).ToDictionaryAsync(b => b.Code, cancellationToken);
        var result = new List<BonusItem>();
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            var item = items.GetValueOrDefault(decision.Code) ?? throw new NotFoundException("bonus item", $"{year}/{decision.Code}", $"decisions[{i}].code");
            var wanted = decision.Approve ? BonusItemStatus.Approved : BonusItemStatus.Rejected;
            if (item.Status == BonusItemStatus.Proposed)
            {
                item.Status = wanted;
                item.DecisionNote = decision.Note.Trim();
                item.DecidedAtUtcTicks = clock.UtcNow.UtcTicks;
                item.Version++;
            }
            else if (item.Status != wanted)
            {
                throw new FailedPreconditionException(
                    $"bonus item {item.Code}", SeedNames.Of(item.Status), ["ProposeBonusItems (the branch proposes it again)"], "it has been decided already");
            }

            result.Add(item);
        }

        await BonusItemWrites.SaveAsync(db, year, cancellationToken);
        return result;
    }
}
