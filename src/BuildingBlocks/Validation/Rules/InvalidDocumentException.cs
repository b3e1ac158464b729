namespace Chuangji.Workflow.BuildingBlocks.Validation.Rules;

/// <summary>
/// A document the service was configured with (a seed) breaks its rules. Deliberately not a
/// <see cref="Errors.DomainException"/>: the caller asked nothing wrong, so the call fails as INTERNAL.
/// </summary>
public sealed class InvalidDocumentException(string subject, string source, IReadOnlyList<RuleProblem> problems)
    : Exception($"The {subject} in {source} is invalid ({problems.Count} problem(s)):{Environment.NewLine}  "
        + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<RuleProblem> Problems { get; } = problems;
}
