using Chuangji.Workflow.BuildingBlocks.Validation.Rules;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation;

/// <summary>Everything a scoring table must get right.</summary>
internal static class RubricRules
{
    /// <summary>The bounds on the table's texts and lists; a caller's table is held to them as it is read.</summary>
    public static readonly TextsAreBoundedRule Texts = new();

    public static readonly RuleSet<Rubric> All = new(
        "rubric",
        Texts,
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
        new NumbersAreInRangeRule());
}
