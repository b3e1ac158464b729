using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using static Chuangji.Workflow.Tests.Assessment.Scoring.ScoringKit;

namespace Chuangji.Workflow.Tests.Assessment.Scoring;

/// <summary>The uncapped bonus part (实际累加), branch bonus items once approved, and the LEGAL_VIOLATION veto.</summary>
public sealed class ScorecardBonusAndVetoTests
{
    private static readonly BranchBonusItem TeachingStar = new("B01_TEACHING_STAR", "教学之星", 2.5m);

    [Fact]
    public void Calculate_WhenFullBaseWithProvincialAwardAndTwoCityCommendations_TotalsOneHundredFifteen()
    {
        // 100 + 5 + 2 × 5 = 115: the bonus is added on top, uncapped.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "AWARD_PROVINCIAL", "2026-05-01"),
            Fact(2, "WORK_CITY_COMMENDATION", "2026-09-01", count: 2));

        card.Base.Should().Be(100m);
        card.BonusLines.Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "AWARD_PROVINCIAL", FactIds = new[] { 1L }, Points = 5m },
                new { Rule = "WORK_CITY_COMMENDATION", FactIds = new[] { 2L }, Points = 10m },
            });
        card.Bonus.Should().Be(15m);
        card.Total.Should().Be(115m);
        card.Rating.Rating.Should().Be("EXCELLENT");
    }

    [Fact]
    public void Calculate_WhenTwoSeparateCityCommendations_BothCount()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "AWARD_PROVINCIAL", "2026-05-01"),
            Fact(2, "WORK_CITY_COMMENDATION", "2026-09-01"),
            Fact(3, "WORK_CITY_COMMENDATION", "2026-10-01"));

        card.BonusLines.Where(l => l.Rule == "WORK_CITY_COMMENDATION").Sum(l => l.Points).Should().Be(10m);
        card.Bonus.Should().Be(15m);
        card.Total.Should().Be(115m);
    }

    [Fact]
    public void Calculate_WhenTenProvincialAwards_BonusIsNotCapped()
    {
        // 10 × 5 = 50; total 150.
        var awards = Enumerable.Range(1, 10).Select(i => Fact(i, "AWARD_PROVINCIAL", $"2026-{i:00}-01")).ToArray();

        var card = ScoreSupported(MemberCategory.Retired, awards);

        card.Bonus.Should().Be(50m);
        card.Total.Should().Be(150m);
    }

    [Fact]
    public void Calculate_WhenBonusOnTopOfDeductions_ItemsKeepTheirDeductionsAndTheTotalDecidesTheRating()
    {
        // INTEGRITY 16 − 15 = 1, base 85 (QUALIFIED on its own); + AWARD_PROVINCIAL 5 = 90: EXCELLENT.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "INTEGRITY_SHORTFALL", "2026-03-01", points: 15m),
            Fact(2, "AWARD_PROVINCIAL", "2026-05-01"));

        card.Item("INTEGRITY").Score.Should().Be(1m);
        card.Base.Should().Be(85m);
        card.Bonus.Should().Be(5m);
        card.Total.Should().Be(90m);
        card.Rating.Rating.Should().Be("EXCELLENT");
    }

    [Fact]
    public void Calculate_WhenFactOfAnApprovedBranchBonusItem_AddsItsPointsTimesCount()
    {
        // 2.5 × 2 = 5; total 105.
        var card = Score(
            MemberCategory.InService,
            YearEnd,
            [.. Support(MemberCategory.InService), Fact(1, "B01_TEACHING_STAR", "2026-06-01", count: 2)],
            TeachingStar);

        var line = card.BonusLines.Should().ContainSingle().Subject;
        line.Rule.Should().Be("B01_TEACHING_STAR");
        line.FactIds.Should().Equal(1L);
        line.Points.Should().Be(5m);
        card.Base.Should().Be(100m);
        card.Bonus.Should().Be(5m);
        card.Total.Should().Be(105m);
    }

    [Fact]
    public void Calculate_WhenBranchBonusItemIsNotApproved_ItsFactCountsNothing()
    {
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "B01_TEACHING_STAR", "2026-06-01", count: 2));

        card.AllLines().Should().BeEmpty();
        card.Base.Should().Be(100m);
        card.Bonus.Should().Be(0m);
        card.Total.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenOnlyOneOfTwoBranchItemsIsApproved_OnlyThatOneCounts()
    {
        // B01_TEACHING_STAR 2.5 counts; B01_HOMEWORK_HELP was never approved: bonus 2.5, total 102.5.
        var card = Score(
            MemberCategory.Retired,
            YearEnd,
            [
                .. Support(MemberCategory.Retired),
                Fact(1, "B01_TEACHING_STAR", "2026-06-01"),
                Fact(2, "B01_HOMEWORK_HELP", "2026-07-01", count: 4),
            ],
            TeachingStar);

        card.BonusLines.Should().ContainSingle().Which.Rule.Should().Be("B01_TEACHING_STAR");
        card.Bonus.Should().Be(2.5m);
        card.Total.Should().Be(102.5m);
    }

    [Fact]
    public void Calculate_WhenFactKindIsInNeitherRubricNorApprovedItems_CountsNothing()
    {
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "NOT_A_KIND", "2026-06-01", count: 3, points: 4m));

        card.OtherItemsUntouched(MemberCategory.InService);
        card.AllLines().Should().BeEmpty();
        card.Total.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenBonusFactIsRevoked_AddsNothing()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "AWARD_CITY", "2026-06-01", revokedAt: At(2026, 6, 2, 9, 0)));

        card.BonusLines.Should().BeEmpty();
        card.Bonus.Should().Be(0m);
        card.Total.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenLegalViolation_IsUnqualifiedWithFullHundredAndVetoNamesTheFact()
    {
        var card = ScoreSupported(MemberCategory.InService, Fact(77, "LEGAL_VIOLATION", "2026-08-08"));

        card.Item("DISCIPLINE").Score.Should().Be(16m);
        card.Base.Should().Be(100m);
        card.Total.Should().Be(100m);
        card.Veto.Should().NotBeNull();
        card.Veto!.Kind.Should().Be("LEGAL_VIOLATION");
        card.Veto.FactId.Should().Be(77L);
        card.Rating.Rating.Should().Be("UNQUALIFIED");
        card.Rating.Name.Should().Be("不合格");
    }

    [Theory]
    [InlineData("IN_SERVICE")]
    [InlineData("RETIRED")]
    public void Calculate_WhenLegalViolationWithBonus_KeepsTheBonusButIsStillUnqualified(string category)
    {
        // The veto decides the rating only: base 100, bonus AWARD_PROVINCIAL 5, total 105 — and UNQUALIFIED.
        var card = ScoreSupported(
            CategoryOf(category),
            Fact(77, "LEGAL_VIOLATION", "2026-08-08"),
            Fact(78, "AWARD_PROVINCIAL", "2026-09-09"));

        card.Base.Should().Be(100m);
        card.BonusLines.Should().BeEquivalentTo(new[] { new { Rule = "AWARD_PROVINCIAL", FactIds = new[] { 78L }, Points = 5m } });
        card.Bonus.Should().Be(5m);
        card.Total.Should().Be(105m);
        card.Veto!.FactId.Should().Be(77L);
        card.Rating.Rating.Should().Be("UNQUALIFIED");
    }

    [Theory]
    // the deduction's id and date around the violation (id 77, 2026-08-08): before or after it in the year
    [InlineData(78, "2026-03-03")]
    [InlineData(76, "2026-08-08")]
    [InlineData(78, "2026-08-08")]
    [InlineData(76, "2026-09-09")]
    [InlineData(78, "2026-09-09")]
    public void Calculate_WhenLegalViolationWithDeduction_KeepsTheDeductionWhenEverItHappened(long id, string occurredOn)
    {
        // MEETING_ABSENCE −2: STUDY 14, base 98, total 98 — over 90, but vetoed.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(77, "LEGAL_VIOLATION", "2026-08-08"),
            Fact(id, "MEETING_ABSENCE", occurredOn));

        card.Item("STUDY").Score.Should().Be(14m);
        card.Item("DISCIPLINE").Score.Should().Be(16m);
        card.Base.Should().Be(98m);
        card.Total.Should().Be(98m);
        card.Veto!.FactId.Should().Be(77L);
        card.Rating.Rating.Should().Be("UNQUALIFIED");
    }

    [Theory]
    [InlineData(78, "2026-03-03")]
    [InlineData(78, "2026-09-09")]
    public void Calculate_WhenLegalViolationWithBonusBeforeOrAfterIt_KeepsTheBonus(long id, string occurredOn)
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(77, "LEGAL_VIOLATION", "2026-08-08"),
            Fact(id, "AWARD_CITY", occurredOn));

        card.Bonus.Should().Be(3m);
        card.Total.Should().Be(103m);
        card.Rating.Rating.Should().Be("UNQUALIFIED");
    }

    [Fact]
    public void Calculate_WhenTwoLegalViolations_VetoNamesTheEarlierOne()
    {
        // Id 80 happened first (May), id 79 later (August): the first fact is 80.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(79, "LEGAL_VIOLATION", "2026-08-01"),
            Fact(80, "LEGAL_VIOLATION", "2026-05-01"));

        card.Veto!.FactId.Should().Be(80L);
        card.Total.Should().Be(100m);
        card.Rating.Rating.Should().Be("UNQUALIFIED");
    }

    [Fact]
    public void Calculate_WhenLegalViolationIsRevoked_ThereIsNoVeto()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(77, "LEGAL_VIOLATION", "2026-08-08", revokedAt: At(2026, 9, 1, 9, 0)));

        card.Veto.Should().BeNull();
        card.Total.Should().Be(100m);
        card.Rating.Rating.Should().Be("EXCELLENT");
    }

    [Fact]
    public void Calculate_WhenLegalViolationRecordedAfterAsOf_ThereIsNoVetoYet()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(77, "LEGAL_VIOLATION", "2026-12-30", recordedAt: At(2027, 2, 1, 9, 0)));

        card.Veto.Should().BeNull();
        card.Rating.Rating.Should().Be("EXCELLENT");
    }
}
