using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

/// <summary>
/// Points are worth at most what an item can be (100) with at most one decimal place, requirements
/// count at most a fact a day, and rating codes are distinct: anything else is a typo, and would let
/// a table be stored that cannot score a member.
/// </summary>
internal sealed class NumbersAreInRangeRule : IRule<Rubric>
{
    public const decimal MaxPoints = 100m;

    public const int MaxRequirement = 366;

    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        foreach (var item in rubric.Items.Where(i => i.MaxPoints <= 0m || !IsPoints(i.MaxPoints)))
        {
            yield return $"item '{item.Code}' is worth {item.MaxPoints}; points must be above 0, at most {MaxPoints}, with one decimal place at most";
        }

        foreach (var kind in rubric.FactKinds.Where(k => k.Points is { } points && !IsPoints(points)))
        {
            yield return $"fact kind '{kind.Kind}' gives {kind.Points} points; points must be above 0, at most {MaxPoints}, with one decimal place at most";
        }

        foreach (var rule in rubric.DerivedRules.Where(r => !IsPoints(r.Points)))
        {
            yield return $"derived rule '{rule.Code}' takes {rule.Points} points; points must be above 0, at most {MaxPoints}, with one decimal place at most";
        }

        foreach (var rule in rubric.DerivedRules.Where(r => r.Requirements.Any(q => q.AtLeast > MaxRequirement)))
        {
            yield return $"derived rule '{rule.Code}' requires more than {MaxRequirement} facts of a kind";
        }

        foreach (var band in rubric.RatingBands.Where(b => b.MinTotal is < 0m or > 1000m))
        {
            yield return $"rating band '{band.Rating}' starts at {band.MinTotal}, outside 0 to 1000";
        }

        foreach (var repeated in rubric.RatingBands.GroupBy(b => b.Rating).Where(g => g.Count() > 1))
        {
            yield return $"rating '{repeated.Key}' appears {repeated.Count()} times";
        }
    }

    /// <summary>Whether points are above 0 is the kind's and the derived rule's own rule; here only the ceiling and the decimals.</summary>
    private static bool IsPoints(decimal points) => points <= MaxPoints && decimal.Round(points, 1) == points;
}
