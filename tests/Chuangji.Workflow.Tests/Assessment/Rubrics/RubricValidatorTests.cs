using Chuangji.Workflow.BuildingBlocks.Validation.Rules;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

namespace Chuangji.Workflow.Tests.Assessment.Rubrics;

/// <summary>Each rule against a copy of the seed broken in exactly the way the rule forbids.</summary>
public sealed class RubricValidatorTests
{
    private readonly Rubric _valid = DefaultRubric.Load();

    [Fact]
    public void Validate_WhenAnItemCodeRepeats_NamesTheCode()
    {
        var broken = _valid with { Items = [.. _valid.Items, new RubricItem("STUDY", "重复", 16m, [])] };

        ShouldHaveOnly(broken, nameof(ItemCodesAreUniqueRule), "item code 'STUDY' appears 2 times");
    }

    [Fact]
    public void Validate_WhenCategoryItemsDoNotTotalHundred_NamesEachCategoryAndItsTotal()
    {
        var broken = _valid.WithItem("STUDY", item => item with { MaxPoints = 15m });

        var problems = RubricRules.All.ProblemsIn(broken);

        problems.Should().OnlyContain(problem => problem.Rule == nameof(CategoryBaseItemsTotalHundredRule));
        problems.Select(problem => problem.Description).Should().SatisfyRespectively(
            inService => inService.Should().StartWith("the base items for IN_SERVICE total 99, not 100 (STUDY 15 + ACHIEVEMENT 16"),
            retired => retired.Should().StartWith("the base items for RETIRED total 99, not 100 (STUDY 15 + ACHIEVEMENT 16"));
    }

    [Fact]
    public void Validate_WhenItemsTotalHundredInDecimals_HasNoProblems()
    {
        // 15.9 + 16.1 is exactly 32 in decimal arithmetic; in binary floating point it is not.
        var shifted = _valid
            .WithItem("STUDY", item => item with { MaxPoints = 15.9m })
            .WithItem("ACHIEVEMENT", item => item with { MaxPoints = 16.1m });

        RubricRules.All.ProblemsIn(shifted).Should().BeEmpty();
    }

    [Fact]
    public void Validate_WhenAFactKindRepeats_NamesTheKind()
    {
        var copy = _valid.FactKinds.Single(kind => kind.Kind == "MEETING_ABSENCE") with { Name = "重复" };
        var broken = _valid with { FactKinds = [.. _valid.FactKinds, copy] };

        ShouldHaveOnly(broken, nameof(FactKindsAreUniqueRule), "fact kind 'MEETING_ABSENCE' appears 2 times");
    }

    [Fact]
    public void Validate_WhenAKindNamesAnUnknownItem_NamesKindAndItem()
    {
        var broken = _valid.WithKind("MEETING_ABSENCE", kind => kind with { ItemCodes = ["STUDYING"] });

        ShouldHaveOnly(broken, nameof(ReferencedItemsExistRule), "fact kind 'MEETING_ABSENCE' scores on unknown item 'STUDYING'");
    }

    [Fact]
    public void Validate_WhenADerivedRuleNamesAnUnknownItem_NamesRuleAndItem()
    {
        var broken = _valid.WithDerivedRule("THOUGHT_REPORT_EACH_HALF_YEAR", rule => rule with { ItemCode = "DISCIPLIN" });

        ShouldHaveOnly(broken, nameof(ReferencedItemsExistRule), "derived rule 'THOUGHT_REPORT_EACH_HALF_YEAR' scores on unknown item 'DISCIPLIN'");
    }

    [Fact]
    public void Validate_WhenABonusKindNamesAnItem_NamesTheKind()
    {
        var broken = _valid.WithKind("AWARD_CITY", kind => kind with { ItemCodes = ["ACHIEVEMENT"] });

        ShouldHaveOnly(broken, nameof(BonusKindsAloneScoreOnNoItemRule), "bonus kind 'AWARD_CITY' names items (ACHIEVEMENT); bonus points belong to no base item");
    }

    [Fact]
    public void Validate_WhenADeductionKindNamesNoItem_NamesTheKind()
    {
        var broken = _valid.WithKind("MEETING_ABSENCE", kind => kind with { ItemCodes = [] });

        ShouldHaveOnly(broken, nameof(BonusKindsAloneScoreOnNoItemRule), "fact kind 'MEETING_ABSENCE' (PER_COUNT) names no item to score on");
    }

    [Fact]
    public void Validate_WhenAKindScoresOnTwoItemsOfOneCategory_NamesKindItemsAndEachCategory()
    {
        var broken = _valid.WithKind("MEETING_ABSENCE", kind => kind with { ItemCodes = ["STUDY", "ACHIEVEMENT"] });

        var problems = RubricRules.All.ProblemsIn(broken);

        problems.Should().Equal(
            new RuleProblem(nameof(KindScoresOnOneItemPerCategoryRule), "fact kind 'MEETING_ABSENCE' scores on STUDY and ACHIEVEMENT for IN_SERVICE members; it may score on one"),
            new RuleProblem(nameof(KindScoresOnOneItemPerCategoryRule), "fact kind 'MEETING_ABSENCE' scores on STUDY and ACHIEVEMENT for RETIRED members; it may score on one"));
    }

    [Fact]
    public void Validate_WhenAFixedPointKindLacksPoints_NamesKindAndRule()
    {
        var broken = _valid.WithKind("MEETING_ABSENCE", kind => kind with { Points = null });

        ShouldHaveOnly(broken, nameof(FixedPointKindsHavePointsRule), "fact kind 'MEETING_ABSENCE' (PER_COUNT) has no points");
    }

    [Theory]
    [InlineData("NO_COMMITMENT", "0", "fact kind 'NO_COMMITMENT' (ONCE_A_YEAR) has points 0; they must be greater than 0 (the rule gives the direction)")]
    [InlineData("AWARD_CITY", "-3", "fact kind 'AWARD_CITY' (BONUS) has points -3; they must be greater than 0 (the rule gives the direction)")]
    public void Validate_WhenAFixedPointKindHasPointsNotAboveZero_NamesKindAndPoints(string kindName, string points, string expected)
    {
        var broken = _valid.WithKind(kindName, kind => kind with { Points = decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture) });

        ShouldHaveOnly(broken, nameof(FixedPointKindsHavePointsRule), expected);
    }

    [Theory]
    [InlineData("STUDY_SHORTFALL", "DISCRETIONARY")]
    [InlineData("THOUGHT_REPORT", "POSITIVE")]
    [InlineData("LEGAL_VIOLATION", "VETO")]
    public void Validate_WhenAJudgedKindHasPoints_NamesKindAndRule(string kindName, string rule)
    {
        var broken = _valid.WithKind(kindName, kind => kind with { Points = 1m });

        ShouldHaveOnly(broken, nameof(JudgedKindsHaveNoPointsRule), $"fact kind '{kindName}' ({rule}) has points 1; a {rule} kind has none");
    }

    [Fact]
    public void Validate_WhenADerivedRuleRequiresAnUnknownKind_NamesRuleAndKind()
    {
        var broken = _valid.WithDerivedRule("GOOD_DEEDS_EACH_YEAR", rule => rule with { Requirements = [new DerivedRequirement("GOOD_DEEDS", 2)] });

        ShouldHaveOnly(broken, nameof(DerivedRequirementsNameKnownKindsRule), "derived rule 'GOOD_DEEDS_EACH_YEAR' requires unknown fact kind 'GOOD_DEEDS'");
    }

    [Fact]
    public void Validate_WhenADerivedRuleCodeRepeats_NamesTheCode()
    {
        var copy = _valid.DerivedRules[0] with { Description = "重复" };
        var broken = _valid with { DerivedRules = [.. _valid.DerivedRules, copy] };

        ShouldHaveOnly(broken, nameof(DerivedRulesAreWellFormedRule), "derived rule code 'THOUGHT_REPORT_EACH_HALF_YEAR' appears 2 times");
    }

    [Fact]
    public void Validate_WhenADerivedRuleHasNoRequirements_NamesTheRule()
    {
        var broken = _valid.WithDerivedRule("ASSISTANCE_EACH_YEAR", rule => rule with { Requirements = [] });

        ShouldHaveOnly(broken, nameof(DerivedRulesAreWellFormedRule), "derived rule 'ASSISTANCE_EACH_YEAR' has no requirements");
    }

    [Fact]
    public void Validate_WhenARequirementAsksForNone_NamesRuleAndKind()
    {
        var broken = _valid.WithDerivedRule("GOOD_DEEDS_EACH_YEAR", rule => rule with { Requirements = [new DerivedRequirement("GOOD_DEED", 0)] });

        ShouldHaveOnly(broken, nameof(DerivedRulesAreWellFormedRule), "derived rule 'GOOD_DEEDS_EACH_YEAR' requires at least 0 'GOOD_DEED'; it must be 1 or more");
    }

    [Fact]
    public void Validate_WhenADerivedRuleHasNoPoints_NamesTheRule()
    {
        var broken = _valid.WithDerivedRule("GOOD_DEEDS_EACH_YEAR", rule => rule with { Points = 0m });

        ShouldHaveOnly(broken, nameof(DerivedRulesAreWellFormedRule), "derived rule 'GOOD_DEEDS_EACH_YEAR' has points 0; they must be greater than 0");
    }

    [Theory]
    [InlineData("95", "rating band 'QUALIFIED' starts at 95, not below 'EXCELLENT' at 90")]
    [InlineData("90", "rating band 'QUALIFIED' starts at 90, not below 'EXCELLENT' at 90")]
    public void Validate_WhenRatingBandsDoNotDescendStrictly_NamesBothBands(string qualifiedFrom, string expected)
    {
        var broken = _valid.WithBand("QUALIFIED", band => band with { MinTotal = decimal.Parse(qualifiedFrom, System.Globalization.CultureInfo.InvariantCulture) });

        ShouldHaveOnly(broken, nameof(RatingBandsDescendToZeroRule), expected);
    }

    [Fact]
    public void Validate_WhenLastRatingBandDoesNotStartAtZero_NamesTheBand()
    {
        var broken = _valid.WithBand("UNQUALIFIED", band => band with { MinTotal = 10m });

        ShouldHaveOnly(broken, nameof(RatingBandsDescendToZeroRule), "the last rating band 'UNQUALIFIED' starts at 10, not 0");
    }

    [Fact]
    public void Validate_WhenThereAreNoRatingBands_SaysSo()
    {
        ShouldHaveOnly(_valid with { RatingBands = [] }, nameof(RatingBandsDescendToZeroRule), "there are no rating bands");
    }

    [Fact]
    public void Validate_WhenSeveralRulesAreBroken_ListsEveryProblem()
    {
        var broken = _valid
            .WithKind("MEETING_ABSENCE", kind => kind with { Points = null })
            .WithDerivedRule("GOOD_DEEDS_EACH_YEAR", rule => rule with { Requirements = [new DerivedRequirement("GOOD_DEEDS", 2)] })
            .WithBand("UNQUALIFIED", band => band with { MinTotal = 10m });

        RubricRules.All.ProblemsIn(broken).Select(problem => problem.Rule).Should().BeEquivalentTo(
            nameof(FixedPointKindsHavePointsRule), nameof(DerivedRequirementsNameKnownKindsRule), nameof(RatingBandsDescendToZeroRule));
    }

    [Fact]
    public void ThrowIfInvalid_WhenBroken_ThrowsWithSourceAndEveryProblem()
    {
        var broken = _valid
            .WithKind("MEETING_ABSENCE", kind => kind with { Points = null })
            .WithBand("UNQUALIFIED", band => band with { MinTotal = 10m });

        var thrown = FluentActions.Invoking(() => RubricRules.All.ThrowIfInvalid(broken, "test.json"))
            .Should().Throw<InvalidDocumentException>().Which;

        thrown.Problems.Should().HaveCount(2);
        thrown.Message.Should().Contain("test.json")
            .And.Contain("fact kind 'MEETING_ABSENCE' (PER_COUNT) has no points")
            .And.Contain("the last rating band 'UNQUALIFIED' starts at 10, not 0");
    }

    private static void ShouldHaveOnly(Rubric rubric, string rule, string description) =>
        RubricRules.All.ProblemsIn(rubric).Should().Equal(new RuleProblem(rule, description));
}
