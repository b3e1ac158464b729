namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>
/// One bad field: its path in the request (proto field names) and the rule it breaks, each bounded
/// (<see cref="ErrorText"/>): a path may carry a caller's row index, a description a caller's value.
/// </summary>
public sealed record FieldViolation(string Field, string Description)
{
    public string Field { get; } = ErrorText.Clip(Field, ErrorText.MaxFieldLength);

    public string Description { get; } = ErrorText.Clip(Description, ErrorText.MaxDescriptionLength);

    public override string ToString() => $"{Field}: {Description}";
}
