using System.Runtime.CompilerServices;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Features.GetRubric;
using Chuangji.Workflow.Modules.Assessment.Grpc;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Assessment.Scorecards;
using Chuangji.Workflow.Modules.Assessment.Seeding;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.EntityFrameworkCore;
using Proto = Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Records;

/// <summary>
/// The module's records as the documents read them (ADR 16): what GetRubric, GetScorecard and ListEvents answer,
/// through the same handler, sources and mappings, streamed a chunk of members at a time. Reads only: nothing here
/// stores a table or writes an audit record.
/// </summary>
internal sealed class AssessmentRecords(
    GetRubricHandler getRubric,
    ScorecardSources sources,
    RubricBook rubrics,
    IMembersModule members,
    IAssessmentPeriods periods,
    CollegeScorecards college,
    DefaultRubricSource defaults,
    AssessmentDbContext db) : IAssessmentRecords
{
    /// <summary>How many members are scored, or facts read, per query: <see cref="ScorecardSources.MemberChunk"/>.</summary>
    internal const int Chunk = ScorecardSources.MemberChunk;

    /// <summary>
    /// The year's table as GetRubric answers it; a table stored before tables carried their criteria takes the default
    /// table's words for each item of the same code and name, so its scoring table prints the source's criteria.
    /// </summary>
    public async Task<Proto.Rubric> RubricAsync(int year, CancellationToken cancellationToken)
    {
        var rubric = (await getRubric.HandleAsync(year, cancellationToken)).ToProto();
        var standard = defaults.Rubric;
        foreach (var item in rubric.Items.Where(i => i.Criteria.Length == 0))
        {
            item.Criteria = standard.Items.FirstOrDefault(d => d.Code == item.Code && d.Name == item.Name)?.Criteria ?? string.Empty;
        }

        if (rubric.BonusCriteria.Length == 0 && rubric.Name == standard.Name)
        {
            rubric.BonusCriteria = standard.BonusCriteria;
        }

        return rubric;
    }

    /// <summary>
    /// Each active member scored as GetScorecard scores them for <paramref name="asOf"/> (the table in force then, the
    /// year's approved bonus items, the period's close), a chunk of members' facts at a time; only the roster's
    /// snapshots are held, never the year's facts or the scorecards already yielded.
    /// </summary>
    public async IAsyncEnumerable<Proto.Scorecard> ScorecardsAsync(
        int year, string? branchCode, DateTimeOffset asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (branchCode is not null)
        {
            var violations = new Violations();
            Identifier.Required(violations, "branch_code", branchCode);
            violations.ThrowIfAny();
        }

        var rubric = await rubrics.GetAsOfAsync(year, asOf, cancellationToken);
        if (branchCode is not null && !await members.BranchExistsAsync(branchCode, cancellationToken))
        {
            throw new NotFoundException("branch", branchCode, "branch_code");
        }

        var roster = await members.ListMembersAsync(branchCode, activeOnly: true, cancellationToken);
        var bonusItems = await sources.ApprovedBonusItemsAsync(year, cancellationToken);
        var closesOn = await periods.ClosesOnAsync(year, cancellationToken);
        foreach (var chunk in roster.OrderBy(m => m.StaffNumber, StringComparer.Ordinal).Chunk(Chunk))
        {
            var facts = await sources.FactsOfAsync(chunk.Select(m => m.MemberId).ToList(), year, cancellationToken);
            foreach (var member in chunk)
            {
                yield return sources.Score(member, rubric, asOf, facts[member.MemberId], bonusItems, closesOn).ToProto();
            }
        }
    }

    /// <summary>The college's standings in the ledger's member order, each figure formatted as the scorecard formats it.</summary>
    public async IAsyncEnumerable<ScoreStanding> StandingsAsync(int year, DateTimeOffset asOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rubric = await rubrics.GetAsOfAsync(year, asOf, cancellationToken);
        await foreach (var (member, card) in college.ScoreAsync(year, rubric, asOf, cancellationToken))
        {
            yield return new ScoreStanding(
                member.StaffNumber, member.Name, member.BranchCode, card.Total, DecimalText.Format(card.Total), card.Veto is not null, card.Rating.Name);
        }
    }

    /// <summary>The facts as ListEvents maps them (with include_revoked), by id, read a chunk of ids at a time.</summary>
    public async Task<IReadOnlyList<Proto.Fact>> FactsAsync(IReadOnlyCollection<long> factIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factIds);
        var found = new List<Proto.Fact>(factIds.Count);
        foreach (var chunk in factIds.Distinct().Order().Chunk(Chunk))
        {
            var rows = await db.Facts.AsNoTracking().Where(f => chunk.Contains(f.Id)).OrderBy(f => f.Id).ToListAsync(cancellationToken);
            found.AddRange(rows.Select(f => f.ToProto()));
        }

        return found;
    }
}
