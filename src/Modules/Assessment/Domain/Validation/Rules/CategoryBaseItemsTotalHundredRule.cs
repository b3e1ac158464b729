using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

/// <summary>The base part is 百分制: for each category, the items that apply to it are worth exactly 100.</summary>
internal sealed class CategoryBaseItemsTotalHundredRule : IRule<Rubric>
{
    public const decimal BaseTotal = 100m;

    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        foreach (var category in Enum.GetValues<MemberCategory>())
        {
            var items = rubric.Items.Where(item => item.AppliesTo.Contains(category)).ToList();
            var total = items.Sum(item => item.MaxPoints);
            if (total != BaseTotal)
            {
                var parts = string.Join(" + ", items.Select(item => $"{item.Code} {item.MaxPoints}"));
                yield return $"the base items for {SeedNames.Of(category)} total {total}, not {BaseTotal} ({(parts.Length == 0 ? "none apply" : parts)})";
            }
        }
    }
}
