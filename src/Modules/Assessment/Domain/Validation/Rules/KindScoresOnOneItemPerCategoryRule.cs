using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

/// <summary>A kind with several items means "the one for the member's category", so no two may apply to one category.</summary>
internal sealed class KindScoresOnOneItemPerCategoryRule : IRule<Rubric>
{
    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        var itemsByCode = rubric.Items.DistinctBy(item => item.Code).ToDictionary(item => item.Code);
        foreach (var kind in rubric.FactKinds)
        {
            var items = kind.ItemCodes.Where(itemsByCode.ContainsKey).Select(code => itemsByCode[code]).ToList();
            foreach (var category in Enum.GetValues<MemberCategory>())
            {
                var applying = items.Where(item => item.AppliesTo.Contains(category)).Select(item => item.Code).ToList();
                if (applying.Count > 1)
                {
                    yield return $"fact kind '{kind.Kind}' scores on {string.Join(" and ", applying)} for {SeedNames.Of(category)} members; it may score on one";
                }
            }
        }
    }
}
