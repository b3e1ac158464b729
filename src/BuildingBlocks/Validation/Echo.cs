namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>
/// A caller's value quoted back in an error, cut short: statuses travel in HTTP/2 trailers, and an
/// oversized one reaches the client as a retryable UNAVAILABLE instead of the refusal it is.
/// </summary>
public static class Echo
{
    public const int MaxLength = 40;

    public static string Of(string? value) =>
        value is null ? string.Empty : value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");
}
