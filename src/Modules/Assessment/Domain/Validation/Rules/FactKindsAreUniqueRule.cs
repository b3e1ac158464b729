using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

internal sealed class FactKindsAreUniqueRule : IRule<Rubric>
{
    public IEnumerable<string> ProblemsIn(Rubric rubric) =>
        rubric.FactKinds.GroupBy(kind => kind.Kind)
            .Where(group => group.Count() > 1)
            .Select(group => $"fact kind '{group.Key}' appears {group.Count()} times");
}
