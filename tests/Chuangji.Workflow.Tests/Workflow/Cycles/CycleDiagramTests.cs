using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Workflow.Cycles;

public sealed class CycleDiagramTests
{
    public const string DiagramFile = "docs/cycle-states.md";

    /// <summary>Run with CHUANGJI_WRITE_DIAGRAM=1 to rewrite the committed picture from the machine.</summary>
    [Fact]
    public void CommittedDiagram_IsTheOneTheMachineDraws()
    {
        var path = Path.Combine(RepositoryRoot.Path, DiagramFile);
        var expected = Document(CycleDiagram.Mermaid());
        if (Environment.GetEnvironmentVariable("CHUANGJI_WRITE_DIAGRAM") == "1")
        {
            File.WriteAllText(path, expected);
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(expected,
            "{0} must match the state machine; rerun this test with CHUANGJI_WRITE_DIAGRAM=1 to redraw it", DiagramFile);
    }

    private static string Document(string mermaid) =>
        $"""
        # The yearly member cycle

        Drawn from `CycleMachine` by `CycleDiagramTests` (rerun it with `CHUANGJI_WRITE_DIAGRAM=1` after changing
        the machine). The publicity guard is on `EndPublicity`: the window must be over and every objection
        resolved; deadlines are fired by the scheduler, not by the machine.

        ```mermaid
        {mermaid.ReplaceLineEndings("\n").TrimEnd()}
        ```

        """.ReplaceLineEndings("\n");
}
