namespace Chuangji.Workflow.Modules.Assessment.Domain;

internal sealed record DerivedRequirement(string Kind, int AtLeast);
