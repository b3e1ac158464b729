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

    /// <summary>The message names the first few; the BadRequest detail carries the rest.</summary>
    private static string Summary(IReadOnlyList<FieldViolation> violations) =>
        violations.Count <= MessageViolations
            ? string.Join("; ", violations)
            : string.Join("; ", violations.Take(MessageViolations)) + $"; and {violations.Count - MessageViolations} more";

    private const int MessageViolations = 10;
}
