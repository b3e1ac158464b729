namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>The request breaks one or more field rules (INVALID_ARGUMENT).</summary>
public sealed class InvalidArgumentException : DomainException
{
    public InvalidArgumentException(IReadOnlyList<FieldViolation> violations)
        : base("invalid request: " + string.Join("; ", violations))
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
}
