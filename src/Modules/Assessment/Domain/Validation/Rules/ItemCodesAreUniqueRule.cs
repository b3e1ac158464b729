using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

internal sealed class ItemCodesAreUniqueRule : IRule<Rubric>
{
    public IEnumerable<string> ProblemsIn(Rubric rubric) =>
        rubric.Items.GroupBy(item => item.Code)
            .Where(group => group.Count() > 1)
            .Select(group => $"item code '{group.Key}' appears {group.Count()} times");
}
