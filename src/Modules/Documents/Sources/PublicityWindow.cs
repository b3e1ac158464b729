using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// A branch's publicity (亮绩) window: from the moment its members' cycles entered publicity to the earliest
/// moment it may end. Null while none of them has entered it.
/// </summary>
internal sealed record PublicityWindow(DateTimeOffset Opens, DateTimeOffset Closes)
{
    public bool IsOpenAt(DateTimeOffset moment) => moment >= Opens && moment < Closes;

    public static PublicityWindow? Of(IEnumerable<Cycle> cycles)
    {
        DateTimeOffset? opens = null;
        DateTimeOffset? closes = null;
        foreach (var cycle in cycles)
        {
            if (cycle.PublicityEndsAt is null)
            {
                continue;
            }

            // The latest entry: a reopened cycle's publicity is the one that counts.
            var entered = cycle.History.LastOrDefault(t => t.ToState == CycleState.Publicity)?.At.ToDateTimeOffset();
            var ends = cycle.PublicityEndsAt.ToDateTimeOffset();
            if (entered is { } start && (opens is null || start < opens))
            {
                opens = start;
            }

            if (closes is null || ends > closes)
            {
                closes = ends;
            }
        }

        return opens is { } o && closes is { } c ? new PublicityWindow(o, c) : null;
    }
}
