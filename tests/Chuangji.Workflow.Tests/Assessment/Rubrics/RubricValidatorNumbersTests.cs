using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

namespace Chuangji.Workflow.Tests.Assessment.Rubrics;

public sealed class RubricValidatorNumbersTests
{
    private readonly Rubric _valid = DefaultRubric.Load();

    private static IEnumerable<string> NumberProblems(Rubric rubric) =>
        RubricRules.All.ProblemsIn(rubric).Where(p => p.Rule == nameof(NumbersAreInRangeRule)).Select(p => p.Description);

    [Fact]
    public void Validate_WhenTheDefaultTable_HasNoNumberProblems()
    {
        NumberProblems(_valid).Should().BeEmpty();
    }

    [Theory]
    [InlineData("101")]
    [InlineData("2.25")]
    public void Validate_WhenAKindsPointsAreOutOfRange_NamesTheKind(string points)
    {
        var broken = _valid.WithKind("AWARD_CITY", kind => kind with { Points = decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture) });

        NumberProblems(broken).Should().ContainSingle().Which.Should().StartWith($"fact kind 'AWARD_CITY' gives {points} points");
    }

    [Fact]
    public void Validate_WhenARequirementAsksTooMuch_NamesTheRule()
    {
        var broken = _valid with
        {
            DerivedRules = [.. _valid.DerivedRules.Select(r => r.Code == "GOOD_DEEDS_EACH_YEAR" ? r with { Requirements = [new DerivedRequirement("GOOD_DEED", 400)] } : r)],
        };

        NumberProblems(broken).Should().ContainSingle().Which.Should().Be("derived rule 'GOOD_DEEDS_EACH_YEAR' requires more than 366 facts of a kind");
    }

    [Fact]
    public void Validate_WhenARatingRepeats_NamesIt()
    {
        var broken = _valid with { RatingBands = [.. _valid.RatingBands.Take(3), new RatingBand("QUALIFIED", "合格", 0m)] };

        NumberProblems(broken).Should().ContainSingle().Which.Should().Be("rating 'QUALIFIED' appears 2 times");
    }
}
