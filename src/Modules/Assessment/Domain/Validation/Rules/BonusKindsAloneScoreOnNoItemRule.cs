using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

/// <summary>Bonus points are added on top of the base (实际累加); every other kind counts against a base item.</summary>
internal sealed class BonusKindsAloneScoreOnNoItemRule : IRule<Rubric>
{
    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        foreach (var kind in rubric.FactKinds)
        {
            if (kind.Rule == FactRule.Bonus && kind.ItemCodes.Count > 0)
            {
                yield return $"bonus kind '{kind.Kind}' names items ({string.Join(", ", kind.ItemCodes)}); bonus points belong to no base item";
            }
            else if (kind.Rule != FactRule.Bonus && kind.ItemCodes.Count == 0)
            {
                yield return $"fact kind '{kind.Kind}' ({SeedNames.Of(kind.Rule)}) names no item to score on";
            }
        }
    }
}
