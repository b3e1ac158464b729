namespace Chuangji.Workflow.Assessment.Domain;

internal sealed record DerivedRequirement(string Kind, int AtLeast);
