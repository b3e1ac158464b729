namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>
/// How much a refusal may say. Statuses travel in HTTP/2 trailers, which must stay a few KB whatever the
/// request: a caller's value is quoted only as a short prefix (<see cref="Validation.Echo"/>), and these bounds
/// hold whatever is built around such quotes (a message of many violations, a field path, a description).
/// </summary>
public static class ErrorText
{
    public const int MaxMessageLength = 1_000;

    public const int MaxFieldLength = 100;

    public const int MaxDescriptionLength = 400;

    /// <summary>The text, or its first <paramref name="maxLength"/> characters marked with "…"; never half a surrogate pair.</summary>
    public static string Clip(string? text, int maxLength)
    {
        if (text is null)
        {
            return string.Empty;
        }

        if (text.Length <= maxLength)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
