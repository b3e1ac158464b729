namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>The request breaks one or more field rules (INVALID_ARGUMENT).</summary>
public sealed class InvalidArgumentException : DomainException
{
    public InvalidArgumentException(IReadOnlyList<FieldViolation> violations)
        : base("invalid request: " + Summary(violations))
    {
        if (violations.Count == 0)
        {
            throw new ArgumentException("At least one violation is required.", nameof(violations));
        }

        Violations = violations;
    }

    public InvalidArgumentException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>The message names the first few, within a few hundred characters; the BadRequest detail carries the rest.</summary>
    private static string Summary(IReadOnlyList<FieldViolation> violations)
    {
        var named = new List<string>();
        var length = 0;
        foreach (var violation in violations.Take(MessageViolations))
        {
            var text = violation.ToString();
            if (named.Count > 0 && length + text.Length > MessageLength)
            {
                break;
            }

            named.Add(text);
            length += text.Length + 2;
        }

        return named.Count == violations.Count
            ? string.Join("; ", named)
            : string.Join("; ", named) + $"; and {violations.Count - named.Count} more";
    }

    private const int MessageViolations = 10;

    private const int MessageLength = 600;
}
