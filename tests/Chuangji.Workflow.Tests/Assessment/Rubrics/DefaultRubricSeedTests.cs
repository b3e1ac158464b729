using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation;

namespace Chuangji.Workflow.Tests.Assessment.Rubrics;

public sealed class DefaultRubricSeedTests
{
    private readonly Rubric _rubric = DefaultRubric.Load();

    [Fact]
    public void Validate_WhenSeedIsShipped_HasNoProblems()
    {
        RubricRules.All.ProblemsIn(_rubric).Should().BeEmpty();
    }

    [Theory]
    [InlineData("IN_SERVICE", "STUDY,ACHIEVEMENT,SERVICE,DISCIPLINE,INTEGRITY,PERSONAL_IN_SERVICE")]
    [InlineData("RETIRED", "STUDY,ACHIEVEMENT,SERVICE,DISCIPLINE,INTEGRITY,PERSONAL_RETIRED")]
    public void BaseItems_WhenSummedForCategory_TotalExactlyHundred(string category, string expectedCodes)
    {
        var items = _rubric.Items.Where(item => item.AppliesTo.Select(SeedNames.Of).Contains(category)).ToList();

        items.Select(item => item.Code).Should().Equal(expectedCodes.Split(','));
        items.Sum(item => item.MaxPoints).Should().Be((16m * 5) + 20m);
    }

    [Theory]
    [InlineData("STUDY", "带头学习提高", "16", "IN_SERVICE,RETIRED")]
    [InlineData("ACHIEVEMENT", "带头争创佳绩", "16", "IN_SERVICE,RETIRED")]
    [InlineData("SERVICE", "带头服务师生", "16", "IN_SERVICE,RETIRED")]
    [InlineData("DISCIPLINE", "带头遵纪守法", "16", "IN_SERVICE,RETIRED")]
    [InlineData("INTEGRITY", "带头弘扬正气", "16", "IN_SERVICE,RETIRED")]
    [InlineData("PERSONAL_IN_SERVICE", "在职党员", "20", "IN_SERVICE")]
    [InlineData("PERSONAL_RETIRED", "离退休党员", "20", "RETIRED")]
    public void Item_WhenReadFromSeed_MatchesScoringTable(string code, string name, string maxPoints, string appliesTo)
    {
        var item = _rubric.Items.Should().ContainSingle(i => i.Code == code).Subject;

        item.Name.Should().Be(name);
        item.MaxPoints.Should().Be(decimal.Parse(maxPoints, System.Globalization.CultureInfo.InvariantCulture));
        item.AppliesTo.Select(SeedNames.Of).Should().Equal(appliesTo.Split(','));
    }

    [Fact]
    public void Items_WhenReadFromSeed_AreExactlyTheSevenOfTheTable()
    {
        _rubric.Items.Should().HaveCount(7);
    }

    [Theory]
    [InlineData("MEETING_ABSENCE", "STUDY", "PER_COUNT", "2")]
    [InlineData("MEETING_LATE", "STUDY", "PER_COUNT", "2")]
    [InlineData("STUDY_SHORTFALL", "STUDY", "DISCRETIONARY", null)]
    [InlineData("NO_COMMITMENT", "ACHIEVEMENT", "ONCE_A_YEAR", "3")]
    [InlineData("TASK_OVERDUE", "ACHIEVEMENT", "PER_COUNT", "2")]
    [InlineData("EMERGENCY_ABSENCE", "ACHIEVEMENT", "PER_COUNT", "3")]
    [InlineData("ROLE_SHORTFALL", "ACHIEVEMENT", "DISCRETIONARY", null)]
    [InlineData("ASSISTANCE_HARDSHIP", "SERVICE", "POSITIVE", null)]
    [InlineData("ASSISTANCE_STRUGGLING", "SERVICE", "POSITIVE", null)]
    [InlineData("VOLUNTEER_ABSENCE", "SERVICE", "PER_COUNT", "3")]
    [InlineData("EXECUTION_SHORTFALL", "DISCIPLINE", "DISCRETIONARY", null)]
    [InlineData("DUES_LATE", "DISCIPLINE", "PER_COUNT", "5")]
    [InlineData("ORG_LIFE_ABSENCE", "DISCIPLINE", "PER_COUNT", "3")]
    [InlineData("THOUGHT_REPORT", "DISCIPLINE", "POSITIVE", null)]
    [InlineData("LEGAL_VIOLATION", "DISCIPLINE", "VETO", null)]
    [InlineData("INTEGRITY_SHORTFALL", "INTEGRITY", "DISCRETIONARY", null)]
    [InlineData("GOOD_DEED", "PERSONAL_IN_SERVICE", "POSITIVE", null)]
    [InlineData("CULTURAL_ACTIVITY_ABSENCE", "PERSONAL_RETIRED", "PER_COUNT", "5")]
    [InlineData("CONDUCT_SHORTFALL", "PERSONAL_IN_SERVICE,PERSONAL_RETIRED", "DISCRETIONARY", null)]
    [InlineData("AWARD_PROVINCIAL", "", "BONUS", "5")]
    [InlineData("AWARD_CITY", "", "BONUS", "3")]
    [InlineData("AWARD_DEPARTMENT", "", "BONUS", "2")]
    [InlineData("WORK_PROVINCIAL_ADVANCED", "", "BONUS", "5")]
    [InlineData("WORK_CITY_ADVANCED", "", "BONUS", "3")]
    [InlineData("WORK_CITY_COMMENDATION", "", "BONUS", "5")]
    public void FactKind_WhenReadFromSeed_HasItemRuleAndPointsOfTheTable(string kind, string itemCodes, string rule, string? points)
    {
        var factKind = _rubric.FactKinds.Should().ContainSingle(k => k.Kind == kind).Subject;

        factKind.ItemCodes.Should().Equal(itemCodes.Split(',', StringSplitOptions.RemoveEmptyEntries));
        SeedNames.Of(factKind.Rule).Should().Be(rule);
        factKind.Points.Should().Be(points is null ? null : decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture));
        factKind.Name.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void FactKinds_WhenReadFromSeed_AreExactlyTheTwentyFiveOfTheTable()
    {
        // 19 kinds of the base table and 6 bonus kinds, each listed in the theory above.
        _rubric.FactKinds.Should().HaveCount(25);
    }

    [Fact]
    public void DerivedRules_WhenReadFromSeed_MatchTheTable()
    {
        _rubric.DerivedRules.Should().BeEquivalentTo(
            new[]
            {
                new { ItemCode = "DISCIPLINE", Window = DerivedWindow.HalfYear, Mode = DerivedMode.PerWindow, Points = 3m, Requirements = new[] { new DerivedRequirement("THOUGHT_REPORT", 1) } },
                new { ItemCode = "SERVICE", Window = DerivedWindow.Year, Mode = DerivedMode.PerWindow, Points = 5m, Requirements = new[] { new DerivedRequirement("ASSISTANCE_HARDSHIP", 1), new DerivedRequirement("ASSISTANCE_STRUGGLING", 5) } },
                new { ItemCode = "PERSONAL_IN_SERVICE", Window = DerivedWindow.Year, Mode = DerivedMode.PerMissing, Points = 5m, Requirements = new[] { new DerivedRequirement("GOOD_DEED", 2) } },
            },
            options => options.WithStrictOrdering());
    }

    [Fact]
    public void RatingBands_WhenReadFromSeed_AreTheDefaultBandsTopDown()
    {
        _rubric.RatingBands.Should().Equal(
            new RatingBand("EXCELLENT", "优秀", 90m),
            new RatingBand("QUALIFIED", "合格", 70m),
            new RatingBand("BASICALLY_QUALIFIED", "基本合格", 60m),
            new RatingBand("UNQUALIFIED", "不合格", 0m));
    }
}
