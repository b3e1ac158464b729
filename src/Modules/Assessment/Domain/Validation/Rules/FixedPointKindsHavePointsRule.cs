using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

internal sealed class FixedPointKindsHavePointsRule : IRule<Rubric>
{
    private static readonly FactRule[] FixedPointRules = [FactRule.PerCount, FactRule.OnceAYear, FactRule.Bonus];

    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        foreach (var kind in rubric.FactKinds.Where(kind => FixedPointRules.Contains(kind.Rule)))
        {
            if (kind.Points is not { } points)
            {
                yield return $"fact kind '{kind.Kind}' ({SeedNames.Of(kind.Rule)}) has no points";
            }
            else if (points <= 0)
            {
                yield return $"fact kind '{kind.Kind}' ({SeedNames.Of(kind.Rule)}) has points {points}; they must be greater than 0 (the rule gives the direction)";
            }
        }
    }
}
