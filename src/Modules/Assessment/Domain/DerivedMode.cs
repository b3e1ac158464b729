namespace Chuangji.Workflow.Modules.Assessment.Domain;

internal enum DerivedMode
{
    /// <summary>The points once per window in which any requirement is short.</summary>
    PerWindow = 1,

    /// <summary>The points for every fact missing from the requirement.</summary>
    PerMissing = 2,
}
