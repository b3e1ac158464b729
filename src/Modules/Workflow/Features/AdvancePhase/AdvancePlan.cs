using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

/// <summary>
/// What an advance does to each cycle in scope, decided by the cycle's own machine and step (one stand-in
/// per distinct shape): the answer per member, and the moving cycles grouped by the identical change they
/// take, so each group is written with one statement.
/// </summary>
internal sealed class AdvancePlan
{
    private AdvancePlan(IReadOnlyList<AdvanceResult> results, IReadOnlyList<AdvanceGroup> groups)
    {
        Results = results;
        Groups = groups;
    }

    public IReadOnlyList<AdvanceResult> Results { get; }

    public IReadOnlyList<AdvanceGroup> Groups { get; }

    public static AdvancePlan Make(IReadOnlyList<CycleRow> rows, AdvanceTarget target, string actor, DateTimeOffset now, YearCalendar? calendar)
    {
        var outcomes = new Dictionary<CycleShape, ShapeOutcome>();
        var members = new Dictionary<CycleShape, List<long>>();
        var results = new List<AdvanceResult>(rows.Count);
        foreach (var row in rows)
        {
            if (!outcomes.TryGetValue(row.Shape, out var outcome))
            {
                outcome = Decide(row.Shape, target, actor, now, calendar);
                outcomes[row.Shape] = outcome;
            }

            results.Add(new AdvanceResult(row.StaffNumber, outcome.After is not null, outcome.Reason, outcome.After?.Status ?? row.Shape.Status, outcome.Blocker));
            if (outcome.After is not null)
            {
                if (!members.TryGetValue(row.Shape, out var ids))
                {
                    ids = [];
                    members[row.Shape] = ids;
                }

                ids.Add(row.Id);
            }
        }

        var groups = members.Select(m => new AdvanceGroup(m.Value, outcomes[m.Key].After!, outcomes[m.Key].Transition!)).ToList();
        return new AdvancePlan(results, groups);
    }

    private static ShapeOutcome Decide(CycleShape shape, AdvanceTarget target, string actor, DateTimeOffset now, YearCalendar? calendar)
    {
        if (target.Reached(shape.Status))
        {
            return new ShapeOutcome($"already in {CycleActions.StateName(shape.Status)}", null, null, AdvanceBlocker.AlreadyReached);
        }

        var cycle = shape.ToCycle();
        // A reason names moments in the year's time zone.
        cycle.AttachCalendar(calendar);
        if (!cycle.Permits(target.Trigger, now, out var reason, out var conditionUnmet))
        {
            return new ShapeOutcome($"in {CycleActions.StateName(shape.Status)}: {reason}", null, null, conditionUnmet ? AdvanceBlocker.ConditionUnmet : AdvanceBlocker.NotAStep);
        }

        target.Step(cycle, actor, now);
        return new ShapeOutcome(string.Empty, CycleShape.Of(cycle), cycle.History.Single(), AdvanceBlocker.None);
    }

    private sealed record ShapeOutcome(string Reason, CycleShape? After, CycleTransition? Transition, AdvanceBlocker Blocker);
}

/// <summary>Cycles that take the same step to the same shape, logged with the same transition.</summary>
internal sealed record AdvanceGroup(IReadOnlyList<long> CycleIds, CycleShape After, CycleTransition Transition);
