using Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation;

/// <summary>Runs every rule, so a broken table is answered with all its problems at once.</summary>
internal static class RubricValidator
{
    private static readonly IRubricRule[] Rules =
    [
        new ItemCodesAreUniqueRule(),
        new CategoryBaseItemsTotalHundredRule(),
        new FactKindsAreUniqueRule(),
        new ReferencedItemsExistRule(),
        new BonusKindsAloneScoreOnNoItemRule(),
        new KindScoresOnOneItemPerCategoryRule(),
        new FixedPointKindsHavePointsRule(),
        new JudgedKindsHaveNoPointsRule(),
        new DerivedRequirementsNameKnownKindsRule(),
        new DerivedRulesAreWellFormedRule(),
        new RatingBandsDescendToZeroRule(),
        new NumbersAreInRangeRule(),
    ];

    public static IReadOnlyList<RubricProblem> ProblemsIn(Rubric rubric) =>
        Rules.SelectMany(rule => rule.ProblemsIn(rubric).Select(problem => new RubricProblem(rule.GetType().Name, problem)))
            .ToList();

    public static void ThrowIfInvalid(Rubric rubric, string source)
    {
        var problems = ProblemsIn(rubric);
        if (problems.Count > 0)
        {
            throw new InvalidRubricException(source, problems);
        }
    }
}
