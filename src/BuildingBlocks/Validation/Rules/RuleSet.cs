using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.BuildingBlocks.Validation.Rules;

/// <summary>Runs every rule, so a broken document is answered with all its problems at once.</summary>
/// <param name="subjectName">What the documents are ("rubric"), for messages.</param>
/// <param name="rules">The rules, in the order their problems are listed.</param>
public sealed class RuleSet<T>(string subjectName, params IRule<T>[] rules)
{
    public IReadOnlyList<RuleProblem> ProblemsIn(T document) =>
        rules.SelectMany(rule => rule.ProblemsIn(document).Select(problem => new RuleProblem(rule.GetType().Name, problem)))
            .ToList();

    /// <summary>For documents the service loads itself (seeds): a broken one is misconfiguration.</summary>
    public void ThrowIfInvalid(T document, string source)
    {
        var problems = ProblemsIn(document);
        if (problems.Count > 0)
        {
            throw new InvalidDocumentException(subjectName, source, problems);
        }
    }

    /// <summary>
    /// For documents a caller sends: each problem is an INVALID_ARGUMENT violation of <paramref name="field"/>, or of
    /// the field a <see cref="IFieldRule{T}"/> names.
    /// </summary>
    public void ThrowIfInvalidArgument(T document, string field)
    {
        var violations = rules.SelectMany(rule => rule is IFieldRule<T> fieldRule
                ? fieldRule.ViolationsIn(document)
                : rule.ProblemsIn(document).Select(problem => new FieldViolation(field, new RuleProblem(rule.GetType().Name, problem).ToString())))
            .ToList();
        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }
    }
}
