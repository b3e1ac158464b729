using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>The determination in force, if any: a superseded one is history, not the result.</summary>
internal static class DeterminationInForce
{
    public static Determination? Of(Cycle cycle) =>
        cycle.Determination is { Superseded: false } d && d.Rating != Rating.Unspecified ? d : null;
}
