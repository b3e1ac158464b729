using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Facts.Registration;
using Chuangji.Workflow.Modules.Assessment.Features.GetScorecard;
using Chuangji.Workflow.Modules.Assessment.Grpc;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Contracts;

internal sealed class AssessmentModuleFacade(
    RubricBook rubrics, FactRegistrar registrar, GetScorecardHandler getScorecard, AssessmentDbContext db) : IAssessmentModule
{
    private const string ThoughtReport = "THOUGHT_REPORT";

    /// <summary>A fact's member never changes; a fact not found is not remembered (it may be recorded later in the scope).</summary>
    private readonly Dictionary<long, string> _factMembers = [];

    public Task LockRubricAsync(int year, CancellationToken cancellationToken) => rubrics.LockAsync(year, cancellationToken);

    public async Task<IReadOnlyList<SystemFactOutcome>> RecordSystemFactsAsync(IReadOnlyList<SystemFact> facts, CancellationToken cancellationToken)
    {
        var rows = facts
            .Select(f => new FactInputRow(f.StaffNumber, f.Kind, IsoDate.Format(f.OccurredOn), 1, string.Empty, f.Note, f.RecordedBy, f.RequestId, BySystem: true))
            .ToList();
        var outcomes = await registrar.RegisterAsync(rows, _ => string.Empty, cancellationToken);
        return outcomes.Select((o, i) => new SystemFactOutcome(facts[i].RequestId, o.Fact?.Id, o.Error?.Message)).ToList();
    }

    public async Task<ScorecardSnapshot> SnapshotScorecardAsync(string staffNumber, int year, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var entry = await getScorecard.HandleAsync(staffNumber, year, asOf, cancellationToken);
        var card = entry.Scorecard;
        return new ScorecardSnapshot(JsonFormatter.Default.Format(entry.ToProto()), card.Total, card.Rating.Rating, card.Veto is not null, card.RubricVersion);
    }

    public async Task<IReadOnlyDictionary<string, FactTally>> TallyFactsAsync(
        DateOnly from, DateOnly to, IReadOnlyCollection<string> excludingKinds, CancellationToken cancellationToken)
    {
        var years = Enumerable.Range(from.Year, to.Year - from.Year + 1).ToArray();
        var excluded = excludingKinds.ToArray();
        var rows = await db.Facts.AsNoTracking()
            .Where(f => years.Contains(f.Year) && f.OccurredOn >= from && f.OccurredOn <= to && f.RevokedAtUtcTicks == null && !excluded.Contains(f.Kind))
            .GroupBy(f => f.StaffNumber)
            .Select(g => new { StaffNumber = g.Key, Facts = g.Count(), ThoughtReports = g.Count(f => f.Kind == ThoughtReport) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.StaffNumber, r => new FactTally(r.Facts, r.ThoughtReports), StringComparer.Ordinal);
    }

    /// <summary>Asked by the audit record and by the policy of one call (RevokeEvent): looked up once per call.</summary>
    public async Task<string?> FactStaffNumberAsync(long factId, CancellationToken cancellationToken)
    {
        if (_factMembers.TryGetValue(factId, out var known))
        {
            return known;
        }

        var staffNumber = await db.Facts.AsNoTracking().Where(f => f.Id == factId).Select(f => f.StaffNumber).SingleOrDefaultAsync(cancellationToken);
        if (staffNumber is not null)
        {
            _factMembers[factId] = staffNumber;
        }

        return staffNumber;
    }

    public async Task<IReadOnlyList<long>> FactIdsNotOfMemberAsync(string staffNumber, IReadOnlyCollection<long> factIds, CancellationToken cancellationToken)
    {
        var wanted = factIds.Distinct().ToList();
        var own = await db.Facts.Where(f => wanted.Contains(f.Id) && f.StaffNumber == staffNumber).Select(f => f.Id).ToListAsync(cancellationToken);
        return wanted.Except(own).Order().ToList();
    }
}
