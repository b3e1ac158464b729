using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Facts.Registration;

/// <summary>
/// Registers facts for RecordEvent, RecordEvents and the other modules' system facts: one shared place,
/// because the three differ only in how a refusal is reported and how a row's fields are named. Every row
/// is judged on its own (fields, member, kind, points) and every row that passes goes to the ledger in one
/// commit; a row's refusal never holds back the others.
/// </summary>
internal sealed class FactRegistrar(
    IMembersModule members, RubricBook rubrics, RubricDocuments documents, AssessmentDbContext db, FactWriter writer, CollegeClock clock)
{
    public async Task<IReadOnlyList<RecordOutcome>> RegisterAsync(IReadOnlyList<FactInputRow> rows, Func<int, string> prefix, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var shaped = new ShapedFact?[rows.Count];
        var outcomes = new RecordOutcome?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                shaped[i] = FactFieldRules.Shape(rows[i], prefix(i), today);
            }
            catch (InvalidArgumentException exception)
            {
                outcomes[i] = new RecordOutcome(i, null, null, exception);
            }
        }

        var valid = shaped.OfType<ShapedFact>().ToList();
        var known = await members.FindMembersAsync(valid.Select(f => f.StaffNumber).ToList(), cancellationToken);
        var years = valid.Where(f => known.ContainsKey(f.StaffNumber)).Select(f => f.OccurredOn.Year).Distinct().ToList();
        var tables = new Dictionary<int, YearRubric>();
        foreach (var year in years)
        {
            tables[year] = await rubrics.EnsureStoredAsync(year, cancellationToken);
        }

        // Branch bonus items are only needed for kinds the tables do not have.
        var needItems = valid.Any(f => tables.TryGetValue(f.OccurredOn.Year, out var t) && t.Rubric.FactKinds.All(k => k.Kind != f.Kind));
        var branchItems = (needItems
                ? await db.BonusItems.AsNoTracking().Where(b => years.Contains(b.Year)).ToListAsync(cancellationToken)
                : [])
            .ToLookup(b => b.Year);
        var accepted = new List<(int Row, NewFact Fact)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (shaped[i] is not { } fact)
            {
                continue;
            }

            try
            {
                var member = known.GetValueOrDefault(fact.StaffNumber) ?? throw new NotFoundException("member", fact.StaffNumber, prefix(i) + "staff_number");
                var table = tables[fact.OccurredOn.Year];

                try
                {
                    FactKindRules.Check(fact, member, table, branchItems[table.Year].ToList(), prefix(i));
                }
                catch (DomainException)
                {
                    // A retry of a stored fact is answered by the ledger with the original, even if the
                    // member's branch or the table has changed since it was first checked.
                    if (!await IsStoredAsync(fact.StaffNumber, fact.RequestId, cancellationToken))
                    {
                        throw;
                    }
                }

                accepted.Add((i, ToNewFact(fact, member, table.Version)));
            }
            catch (DomainException refusal)
            {
                outcomes[i] = new RecordOutcome(i, null, null, refusal);
            }
        }

        if (accepted.Count > 0)
        {
            var written = await writer.WriteAsync(accepted.Select(a => a.Fact).ToList());
            for (var j = 0; j < accepted.Count; j++)
            {
                outcomes[accepted[j].Row] = ToOutcome(accepted[j].Row, accepted[j].Fact, written[j]);
            }
        }

        return outcomes.Select(o => o!).ToList();
    }

    private Task<bool> IsStoredAsync(string staffNumber, string requestId, CancellationToken cancellationToken) =>
        db.Facts.AnyAsync(f => f.StaffNumber == staffNumber && f.RequestId == requestId, cancellationToken);

    private static NewFact ToNewFact(ShapedFact fact, MemberSnapshot member, int rubricVersion) => new(
        member.MemberId,
        member.StaffNumber,
        fact.OccurredOn.Year,
        fact.Kind,
        fact.OccurredOn,
        fact.Count,
        fact.Points is { } points ? PointsTenths.From(points) : null,
        fact.Note,
        fact.RecordedBy,
        fact.RequestId,
        rubricVersion,
        fact.BySystem);

    private RecordOutcome ToOutcome(int row, NewFact fact, FactWriteOutcome written) => written.Result switch
    {
        FactWriteResult.Conflict => new RecordOutcome(row, null, null, new AlreadyExistsException("fact request", fact.RequestId, written.Differences)),
        FactWriteResult.StaleRubric => Stale(row, fact, written),
        _ => new RecordOutcome(row, written.Result, written.Fact, null),
    };

    private RecordOutcome Stale(int row, NewFact fact, FactWriteOutcome written)
    {
        documents.Forget(fact.Year);
        return new RecordOutcome(row, null, null, new ConcurrencyConflictException(
            "scoring table", fact.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), fact.RubricVersion, written.CurrentRubricVersion));
    }
}
