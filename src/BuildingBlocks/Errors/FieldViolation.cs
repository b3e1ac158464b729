namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>One bad field: its path in the request (proto field names) and the rule it breaks.</summary>
public sealed record FieldViolation(string Field, string Description)
{
    public override string ToString() => $"{Field}: {Description}";
}
