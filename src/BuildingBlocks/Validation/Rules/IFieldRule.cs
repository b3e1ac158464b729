using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.BuildingBlocks.Validation.Rules;

/// <summary>
/// A rule whose breaches each belong to one field of the document (<c>rubric.items[3].name</c>): a caller is told
/// the field path, as by a request's own field checks; a seed's author reads the path in the problem.
/// </summary>
public interface IFieldRule<in T> : IRule<T>
{
    IReadOnlyList<FieldViolation> ViolationsIn(T subject);

    IEnumerable<string> IRule<T>.ProblemsIn(T subject) => ViolationsIn(subject).Select(violation => $"{violation.Field}: {violation.Description}");
}
