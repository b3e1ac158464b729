using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>
/// A caller's value quoted back in an error, cut short: statuses travel in HTTP/2 trailers, and an
/// oversized one reaches the client as a retryable UNAVAILABLE instead of the refusal it is.
/// </summary>
public static class Echo
{
    public const int MaxLength = 40;

    /// <summary>The value, or its first <see cref="MaxLength"/> characters marked with "…".</summary>
    public static string Of(string? value) => ErrorText.Clip(value, MaxLength);
}
