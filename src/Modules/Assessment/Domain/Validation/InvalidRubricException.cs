namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation;

/// <summary>A scoring table that cannot be used. Not a refusal of the caller's request: the service is misconfigured.</summary>
internal sealed class InvalidRubricException(string source, IReadOnlyList<RubricProblem> problems)
    : Exception($"The rubric in {source} is invalid ({problems.Count} problem(s)):{Environment.NewLine}  "
        + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<RubricProblem> Problems { get; } = problems;
}
