using Chuangji.Workflow.Modules.Assessment.Domain;
using static Chuangji.Workflow.Tests.Assessment.Scoring.ScoringKit;

namespace Chuangji.Workflow.Tests.Assessment.Scoring;

/// <summary>
/// The fact-kind table of domain.md §5, row by row, on a member whose derived rules are all satisfied
/// (thought reports in both halves, 1 hardship + 5 struggling, 2 good deeds for in-service) and scored in
/// mid-January 2027, when every 2026 window has closed: only the row under test can move the score.
/// </summary>
public sealed class ScorecardFactKindTests
{
    [Theory]
    [InlineData("IN_SERVICE")]
    [InlineData("RETIRED")]
    public void Calculate_WhenEveryDerivedRuleIsMetAndNothingElse_IsFullHundredExcellent(string category)
    {
        var member = CategoryOf(category);

        var card = ScoreSupported(member);

        card.Year.Should().Be(2026);
        card.RubricVersion.Should().Be(1);
        card.AsOf.Should().Be(YearEnd);
        card.OtherItemsUntouched(member);
        card.Base.Should().Be(100m);
        card.Bonus.Should().Be(0m);
        card.Total.Should().Be(100m);
        card.BonusLines.Should().BeEmpty();
        card.Veto.Should().BeNull();
        card.Rating.Rating.Should().Be("EXCELLENT");
    }

    [Theory]
    // kind, category, points (discretionary only), item, line points, item score, base
    [InlineData("MEETING_ABSENCE", "IN_SERVICE", null, "STUDY", "2", "14", "98")]
    [InlineData("MEETING_LATE", "IN_SERVICE", null, "STUDY", "2", "14", "98")]
    [InlineData("STUDY_SHORTFALL", "IN_SERVICE", "1.5", "STUDY", "1.5", "14.5", "98.5")]
    [InlineData("NO_COMMITMENT", "IN_SERVICE", null, "ACHIEVEMENT", "3", "13", "97")]
    [InlineData("TASK_OVERDUE", "IN_SERVICE", null, "ACHIEVEMENT", "2", "14", "98")]
    [InlineData("EMERGENCY_ABSENCE", "IN_SERVICE", null, "ACHIEVEMENT", "3", "13", "97")]
    [InlineData("ROLE_SHORTFALL", "IN_SERVICE", "4", "ACHIEVEMENT", "4", "12", "96")]
    [InlineData("VOLUNTEER_ABSENCE", "IN_SERVICE", null, "SERVICE", "3", "13", "97")]
    [InlineData("EXECUTION_SHORTFALL", "IN_SERVICE", "2.5", "DISCIPLINE", "2.5", "13.5", "97.5")]
    [InlineData("DUES_LATE", "IN_SERVICE", null, "DISCIPLINE", "5", "11", "95")]
    [InlineData("ORG_LIFE_ABSENCE", "IN_SERVICE", null, "DISCIPLINE", "3", "13", "97")]
    [InlineData("INTEGRITY_SHORTFALL", "IN_SERVICE", "3", "INTEGRITY", "3", "13", "97")]
    [InlineData("CONDUCT_SHORTFALL", "IN_SERVICE", "6", "PERSONAL_IN_SERVICE", "6", "14", "94")]
    [InlineData("CULTURAL_ACTIVITY_ABSENCE", "RETIRED", null, "PERSONAL_RETIRED", "5", "15", "95")]
    [InlineData("CONDUCT_SHORTFALL", "RETIRED", "6", "PERSONAL_RETIRED", "6", "14", "94")]
    // The common items apply to retired members too (§9).
    [InlineData("MEETING_ABSENCE", "RETIRED", null, "STUDY", "2", "14", "98")]
    [InlineData("NO_COMMITMENT", "RETIRED", null, "ACHIEVEMENT", "3", "13", "97")]
    [InlineData("VOLUNTEER_ABSENCE", "RETIRED", null, "SERVICE", "3", "13", "97")]
    [InlineData("DUES_LATE", "RETIRED", null, "DISCIPLINE", "5", "11", "95")]
    [InlineData("INTEGRITY_SHORTFALL", "RETIRED", "3", "INTEGRITY", "3", "13", "97")]
    public void Calculate_WhenOneDeductionFactOnSupportedMember_TakesTheRowsPointsOffOnlyItsItem(
        string kind, string category, string? points, string itemCode, string linePoints, string itemScore, string baseScore)
    {
        var member = CategoryOf(category);

        var card = ScoreSupported(member, Fact(1, kind, "2026-05-20", points: DecOrNull(points)));

        var item = card.Item(itemCode);
        item.Max.Should().Be(MaxOf(itemCode));
        item.Score.Should().Be(Dec(itemScore));
        var line = item.Deductions.Should().ContainSingle().Subject;
        line.Rule.Should().Be(kind);
        line.FactIds.Should().Equal(1L);
        line.Points.Should().Be(Dec(linePoints));
        card.OtherItemsUntouched(member, itemCode);
        card.Base.Should().Be(Dec(baseScore));
        card.Bonus.Should().Be(0m);
        card.Total.Should().Be(Dec(baseScore));
        card.BonusLines.Should().BeEmpty();
        card.Veto.Should().BeNull();
        card.Rating.Rating.Should().Be("EXCELLENT"); // lowest base here is 94
    }

    [Theory]
    [InlineData("ASSISTANCE_HARDSHIP", "IN_SERVICE")]
    [InlineData("ASSISTANCE_STRUGGLING", "IN_SERVICE")]
    [InlineData("THOUGHT_REPORT", "IN_SERVICE")]
    [InlineData("GOOD_DEED", "IN_SERVICE")]
    [InlineData("ASSISTANCE_HARDSHIP", "RETIRED")]
    [InlineData("ASSISTANCE_STRUGGLING", "RETIRED")]
    [InlineData("THOUGHT_REPORT", "RETIRED")]
    public void Calculate_WhenExtraPositiveFactOnSupportedMember_AddsNothing(string kind, string category)
    {
        var member = CategoryOf(category);

        var card = ScoreSupported(member, Fact(1, kind, "2026-05-20"));

        card.OtherItemsUntouched(member);
        card.Base.Should().Be(100m);
        card.Bonus.Should().Be(0m);
        card.Total.Should().Be(100m);
        card.BonusLines.Should().BeEmpty();
    }

    [Theory]
    [InlineData("AWARD_PROVINCIAL", "5")]
    [InlineData("AWARD_CITY", "3")]
    [InlineData("AWARD_DEPARTMENT", "2")]
    [InlineData("WORK_PROVINCIAL_ADVANCED", "5")]
    [InlineData("WORK_CITY_ADVANCED", "3")]
    [InlineData("WORK_CITY_COMMENDATION", "5")]
    public void Calculate_WhenOneBonusFactOnSupportedMember_AddsTheRowsPointsOnTopOfHundred(string kind, string points)
    {
        var card = ScoreSupported(MemberCategory.InService, Fact(1, kind, "2026-05-20"));

        card.OtherItemsUntouched(MemberCategory.InService);
        card.Base.Should().Be(100m);
        var line = card.BonusLines.Should().ContainSingle().Subject;
        line.Rule.Should().Be(kind);
        line.FactIds.Should().Equal(1L);
        line.Points.Should().Be(Dec(points));
        card.Bonus.Should().Be(Dec(points));
        card.Total.Should().Be(100m + Dec(points));
        card.Rating.Rating.Should().Be("EXCELLENT");
    }

    [Fact]
    public void Calculate_WhenPerCountFactHasCountThree_DeductsThreeTimesThePoints()
    {
        // MEETING_ABSENCE −2 each × 3 = 6; STUDY 16 − 6 = 10.
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "MEETING_ABSENCE", "2026-03-12", count: 3));

        card.Item("STUDY").Score.Should().Be(10m);
        card.Item("STUDY").Deductions.Should().ContainSingle().Which.Points.Should().Be(6m);
        card.Base.Should().Be(94m);
    }

    [Fact]
    public void Calculate_WhenPerCountFactsOfOneKindHaveSeveralCounts_GroupsThemInOneLine()
    {
        // ORG_LIFE_ABSENCE −3 × (2 + 1) = 9; DISCIPLINE 16 − 9 = 7; base 100 − 9 = 91.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(2, "ORG_LIFE_ABSENCE", "2026-08-01"),
            Fact(1, "ORG_LIFE_ABSENCE", "2026-04-01", count: 2));

        var line = card.Item("DISCIPLINE").Deductions.Should().ContainSingle().Subject;
        line.Rule.Should().Be("ORG_LIFE_ABSENCE");
        line.FactIds.Should().Equal(1L, 2L);
        line.Points.Should().Be(9m);
        card.Item("DISCIPLINE").Score.Should().Be(7m);
        card.Base.Should().Be(91m);
    }

    [Fact]
    public void Calculate_WhenDiscretionaryFactHasCountTwo_DeductsPointsTimesCount()
    {
        // STUDY_SHORTFALL 1.5 × 2 = 3; STUDY 16 − 3 = 13.
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "STUDY_SHORTFALL", "2026-03-12", count: 2, points: 1.5m));

        card.Item("STUDY").Deductions.Should().ContainSingle().Which.Points.Should().Be(3m);
        card.Item("STUDY").Score.Should().Be(13m);
        card.Base.Should().Be(97m);
    }

    [Fact]
    public void Calculate_WhenFactsOfTwoKindsHitOneItem_GivesOneLinePerKind()
    {
        // MEETING_ABSENCE 2 × 2 = 4, MEETING_LATE 2, STUDY_SHORTFALL 1: STUDY 16 − 7 = 9.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(3, "MEETING_ABSENCE", "2026-09-01"),
            Fact(1, "MEETING_LATE", "2026-02-01"),
            Fact(2, "MEETING_ABSENCE", "2026-03-01"),
            Fact(4, "STUDY_SHORTFALL", "2026-03-01", points: 1m));

        card.Item("STUDY").Deductions.Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "MEETING_ABSENCE", FactIds = new[] { 2L, 3L }, Points = 4m },
                new { Rule = "MEETING_LATE", FactIds = new[] { 1L }, Points = 2m },
                new { Rule = "STUDY_SHORTFALL", FactIds = new[] { 4L }, Points = 1m },
            });
        card.Item("STUDY").Score.Should().Be(9m);
        card.Base.Should().Be(93m);
    }

    [Fact]
    public void Calculate_WhenLineHasSeveralFacts_ListsThemByOccurredOnThenId()
    {
        // Ids 30, 10, 20: 30 happened first; 10 and 20 on the same day, so by id. 3 × −2 = −6.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(20, "TASK_OVERDUE", "2026-06-01"),
            Fact(10, "TASK_OVERDUE", "2026-06-01"),
            Fact(30, "TASK_OVERDUE", "2026-01-31"));

        var line = card.Item("ACHIEVEMENT").Deductions.Should().ContainSingle().Subject;
        line.FactIds.Should().Equal(30L, 10L, 20L);
        line.Points.Should().Be(6m);
        card.Item("ACHIEVEMENT").Score.Should().Be(10m);
    }

    [Fact]
    public void Calculate_WhenNoCommitmentRecordedThreeTimes_DeductsThreeOnce()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(30, "NO_COMMITMENT", "2026-02-01"),
            Fact(10, "NO_COMMITMENT", "2026-02-02"),
            Fact(20, "NO_COMMITMENT", "2026-02-01"));

        var line = card.Item("ACHIEVEMENT").Deductions.Should().ContainSingle().Subject;
        line.Rule.Should().Be("NO_COMMITMENT");
        line.FactIds.Should().Equal(20L, 30L, 10L);
        line.Points.Should().Be(3m);
        card.Item("ACHIEVEMENT").Score.Should().Be(13m);
        card.Base.Should().Be(97m);
    }

    [Fact]
    public void Calculate_WhenNoCommitmentHasCountThree_DeductsThreeOnce()
    {
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "NO_COMMITMENT", "2026-02-01", count: 3));

        card.Item("ACHIEVEMENT").Deductions.Should().ContainSingle().Which.Points.Should().Be(3m);
        card.Item("ACHIEVEMENT").Score.Should().Be(13m);
        card.Base.Should().Be(97m);
    }

    [Fact]
    public void Calculate_WhenNineMeetingAbsences_FloorsStudyAtZeroNotMinusTwo()
    {
        // 9 × −2 = −18 against a max of 16: STUDY is max(0, 16 − 18) = 0, so the base loses 16, not 18: 84.
        var absences = Enumerable.Range(1, 9).Select(i => Fact(i, "MEETING_ABSENCE", $"2026-0{i}-05")).ToArray();

        var card = ScoreSupported(MemberCategory.InService, absences);

        var line = card.Item("STUDY").Deductions.Should().ContainSingle().Subject;
        line.FactIds.Should().Equal(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        line.Points.Should().Be(18m);
        card.Item("STUDY").Score.Should().Be(0m);
        card.OtherItemsUntouched(MemberCategory.InService, "STUDY");
        card.Base.Should().Be(84m);
        card.Total.Should().Be(84m);
        card.Rating.Rating.Should().Be("QUALIFIED");
    }

    [Fact]
    public void Calculate_WhenOneMeetingAbsenceHasCountNine_FloorsStudyAtZero()
    {
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "MEETING_ABSENCE", "2026-03-05", count: 9));

        card.Item("STUDY").Score.Should().Be(0m);
        card.Base.Should().Be(84m);
    }

    [Fact]
    public void Calculate_WhenLinesOfSeveralKindsTogetherExceedTheMax_FloorsTheItemAtZero()
    {
        // 5 × −2 = −10 and −7 discretionary: 17 > 16, STUDY 0; base 84.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "MEETING_ABSENCE", "2026-03-05", count: 5),
            Fact(2, "STUDY_SHORTFALL", "2026-04-05", points: 7m));

        card.Item("STUDY").Score.Should().Be(0m);
        card.Base.Should().Be(84m);
    }

    [Fact]
    public void Calculate_WhenFactsAndDerivedRuleTogetherExceedTheMax_FloorsTheItemAtZero()
    {
        // DUES_LATE 3 × −5 = −15, no thought report in either half: 2 × −3 = −6; 21 > 16: DISCIPLINE 0, base 84.
        var facts = new[] { Fact(1, "DUES_LATE", "2026-03-05", count: 3) }
            .Concat(AssistanceMet()).Concat(TwoGoodDeeds());

        var card = Score(MemberCategory.InService, YearEnd, facts);

        card.Item("DISCIPLINE").Score.Should().Be(0m);
        card.OtherItemsUntouched(MemberCategory.InService, "DISCIPLINE");
        card.Base.Should().Be(84m);
    }

    [Fact]
    public void Calculate_WhenNoGoodDeedAndLargeConductShortfall_FloorsPersonalItemAtZero()
    {
        // 2 missing deeds × −5 = −10, CONDUCT_SHORTFALL −12: 22 > 20: PERSONAL_IN_SERVICE 0; base 100 − 20 = 80.
        var facts = ThoughtReportsBothHalves().Concat(AssistanceMet())
            .Append(Fact(1, "CONDUCT_SHORTFALL", "2026-06-01", points: 12m));

        var card = Score(MemberCategory.InService, YearEnd, facts);

        card.Item("PERSONAL_IN_SERVICE").Score.Should().Be(0m);
        card.Base.Should().Be(80m);
    }

    [Fact]
    public void Calculate_WhenRetiredMemberHasConductShortfall_LandsOnPersonalRetired()
    {
        var card = ScoreSupported(MemberCategory.Retired, Fact(1, "CONDUCT_SHORTFALL", "2026-06-01", points: 4m));

        card.Item("PERSONAL_RETIRED").Score.Should().Be(16m);
        card.Item("PERSONAL_RETIRED").Deductions.Should().ContainSingle().Which.Rule.Should().Be("CONDUCT_SHORTFALL");
        card.OtherItemsUntouched(MemberCategory.Retired, "PERSONAL_RETIRED");
        card.Base.Should().Be(96m);
    }

    [Fact]
    public void Calculate_WhenInServiceMemberHasConductShortfall_LandsOnPersonalInService()
    {
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "CONDUCT_SHORTFALL", "2026-06-01", points: 4m));

        card.Item("PERSONAL_IN_SERVICE").Score.Should().Be(16m);
        card.Item("PERSONAL_IN_SERVICE").Deductions.Should().ContainSingle().Which.Rule.Should().Be("CONDUCT_SHORTFALL");
        card.OtherItemsUntouched(MemberCategory.InService, "PERSONAL_IN_SERVICE");
        card.Base.Should().Be(96m);
    }

    [Fact]
    public void Calculate_WhenRetiredMemberHasGoodDeeds_TheyCountForNothing()
    {
        var card = ScoreSupported(
            MemberCategory.Retired,
            Fact(1, "GOOD_DEED", "2026-03-01"),
            Fact(2, "GOOD_DEED", "2026-04-01", count: 3));

        card.OtherItemsUntouched(MemberCategory.Retired);
        card.AllLines().Should().BeEmpty();
        card.Base.Should().Be(100m);
        card.Bonus.Should().Be(0m);
        card.Total.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenInServiceMemberHasCulturalActivityAbsence_BaseIsUnmoved()
    {
        // CULTURAL_ACTIVITY_ABSENCE scores on PERSONAL_RETIRED, which is not part of an in-service member's base.
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "CULTURAL_ACTIVITY_ABSENCE", "2026-03-01"));

        card.OtherItemsUntouched(MemberCategory.InService);
        card.Base.Should().Be(100m);
        card.Total.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenThreeStudyShortfallsOfHalfAPoint_LeavesStudyAtExactlyFourteenPointFive()
    {
        // 0.5 + 0.5 + 0.5 = 1.5 exactly; 16 − 1.5 = 14.5; base 98.5.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "STUDY_SHORTFALL", "2026-03-01", points: 0.5m),
            Fact(2, "STUDY_SHORTFALL", "2026-04-01", points: 0.5m),
            Fact(3, "STUDY_SHORTFALL", "2026-05-01", points: 0.5m));

        card.Item("STUDY").Deductions.Should().ContainSingle().Which.Points.Should().Be(1.5m);
        card.Item("STUDY").Score.Should().Be(14.5m);
        card.Base.Should().Be(98.5m);
        card.Total.Should().Be(98.5m);
    }

    [Fact]
    public void Calculate_WhenThreeTenthsOfAPoint_SumToExactlyThreeTenths()
    {
        // 0.1 × 3 facts = 0.3 exactly (not 0.30000000000000004); INTEGRITY 15.7; base 99.7.
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "INTEGRITY_SHORTFALL", "2026-03-01", points: 0.1m),
            Fact(2, "INTEGRITY_SHORTFALL", "2026-04-01", points: 0.1m),
            Fact(3, "INTEGRITY_SHORTFALL", "2026-05-01", points: 0.1m));

        card.Item("INTEGRITY").Deductions.Should().ContainSingle().Which.Points.Should().Be(0.3m);
        card.Item("INTEGRITY").Score.Should().Be(15.7m);
        card.Base.Should().Be(99.7m);
    }

    [Fact]
    public void Calculate_WhenTenthOfAPointHasCountThree_DeductsExactlyThreeTenths()
    {
        // 0.1 × count 3 = 0.3; STUDY 15.7; base 99.7.
        var card = ScoreSupported(MemberCategory.InService, Fact(1, "STUDY_SHORTFALL", "2026-03-01", count: 3, points: 0.1m));

        card.Item("STUDY").Deductions.Should().ContainSingle().Which.Points.Should().Be(0.3m);
        card.Item("STUDY").Score.Should().Be(15.7m);
        card.Base.Should().Be(99.7m);
        card.Total.Should().Be(99.7m);
    }
}
