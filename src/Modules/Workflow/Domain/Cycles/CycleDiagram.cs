using Stateless.Graph;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>The cycle's state diagram, drawn from the machine itself so the picture cannot drift from the code.</summary>
internal static class CycleDiagram
{
    public static string Mermaid()
    {
        // Drawn, never fired: the status setter is never called.
        var cycle = Cycle.Open(2000, 0, "diagram", "diagram", publicityDays: 5);
        return MermaidGraph.Format(CycleMachine.For(cycle, DateTimeOffset.UnixEpoch, _ => { }).GetInfo(), MermaidGraphDirection.TopToBottom);
    }
}
