using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

internal sealed class ReferencedItemsExistRule : IRule<Rubric>
{
    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        var known = rubric.Items.Select(item => item.Code).ToHashSet();
        foreach (var kind in rubric.FactKinds)
        {
            foreach (var code in kind.ItemCodes.Where(code => !known.Contains(code)))
            {
                yield return $"fact kind '{kind.Kind}' scores on unknown item '{code}'";
            }
        }

        foreach (var rule in rubric.DerivedRules.Where(rule => !known.Contains(rule.ItemCode)))
        {
            yield return $"derived rule '{rule.Code}' scores on unknown item '{rule.ItemCode}'";
        }
    }
}
