namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>A deduction for what is missing, e.g. no THOUGHT_REPORT in a half year costs DISCIPLINE 3 points.</summary>
internal sealed record DerivedRule(
    string Code,
    string Description,
    string ItemCode,
    DerivedWindow Window,
    DerivedMode Mode,
    IReadOnlyList<DerivedRequirement> Requirements,
    decimal Points);
