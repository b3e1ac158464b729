using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using static Chuangji.Workflow.Tests.Assessment.Scoring.ScoringKit;

namespace Chuangji.Workflow.Tests.Assessment.Scoring;

/// <summary>Two realistic members' 2026, worked through by hand item by item, as of 2027-01-10 09:00 Shanghai.</summary>
public sealed class ScorecardWholeMemberTests
{
    private static readonly DateTimeOffset AsOf = At(2027, 1, 10, 9, 0);

    /// <summary>
    /// In-service teacher:
    /// STUDY 16 − (MEETING_ABSENCE 2 × 2 = 4) − (MEETING_LATE 2) − (STUDY_SHORTFALL 1.5) = 8.5
    /// ACHIEVEMENT 16 − (NO_COMMITMENT 3) − (TASK_OVERDUE count 2 × 2 = 4) = 9
    /// SERVICE 16 − (assistance: 1 hardship but only 3 + 1 = 4 struggling: 5) − (VOLUNTEER_ABSENCE 3) = 8
    /// DISCIPLINE 16 − (no thought report in H2: 3) − (DUES_LATE 5) = 8; the ORG_LIFE_ABSENCE was revoked and the
    ///   second DUES_LATE was recorded after the as-of moment
    /// INTEGRITY 16
    /// PERSONAL_IN_SERVICE 20 − (1 good deed of 2: 5) − (CONDUCT_SHORTFALL 2.5) = 12.5
    /// base 8.5 + 9 + 8 + 8 + 16 + 12.5 = 62; bonus AWARD_DEPARTMENT 2 + branch B02_MENTOR 1.5 × 2 = 3 → 5;
    /// total 67: BASICALLY_QUALIFIED (60 ≤ 67 &lt; 70).
    /// </summary>
    [Fact]
    public void Calculate_WhenInServiceMemberHasAFullYearOfFacts_MatchesTheHandWorkedTable()
    {
        var mentor = new BranchBonusItem("B02_MENTOR", "青年教师导师", 1.5m);
        ScoredFact[] facts =
        [
            Fact(1, "MEETING_ABSENCE", "2026-03-12"),
            Fact(2, "MEETING_LATE", "2026-04-09"),
            Fact(3, "MEETING_ABSENCE", "2026-10-15"),
            Fact(4, "STUDY_SHORTFALL", "2026-11-20", points: 1.5m),
            Fact(5, "NO_COMMITMENT", "2026-02-01"),
            Fact(6, "TASK_OVERDUE", "2026-05-20", count: 2),
            Fact(7, "ASSISTANCE_HARDSHIP", "2026-03-01"),
            Fact(8, "ASSISTANCE_STRUGGLING", "2026-04-01", count: 3),
            Fact(9, "ASSISTANCE_STRUGGLING", "2026-09-01"),
            Fact(10, "VOLUNTEER_ABSENCE", "2026-06-06"),
            Fact(11, "THOUGHT_REPORT", "2026-05-15"),
            Fact(12, "DUES_LATE", "2026-08-05"),
            Fact(13, "ORG_LIFE_ABSENCE", "2026-07-07", revokedAt: At(2026, 9, 1, 9, 0)),
            Fact(14, "GOOD_DEED", "2026-10-01"),
            Fact(15, "CONDUCT_SHORTFALL", "2026-11-11", points: 2.5m),
            Fact(16, "AWARD_DEPARTMENT", "2026-12-01"),
            Fact(17, "B02_MENTOR", "2026-09-10", count: 2),
            Fact(18, "DUES_LATE", "2026-12-28", recordedAt: At(2027, 1, 12, 9, 0)),
        ];

        var card = Score(MemberCategory.InService, AsOf, facts, mentor);

        card.Items.Where(i => ApplicableItems(MemberCategory.InService).Contains(i.Code))
            .Select(i => new { i.Code, i.Max, i.Score })
            .Should().BeEquivalentTo(
                new[]
                {
                    new { Code = "STUDY", Max = 16m, Score = 8.5m },
                    new { Code = "ACHIEVEMENT", Max = 16m, Score = 9m },
                    new { Code = "SERVICE", Max = 16m, Score = 8m },
                    new { Code = "DISCIPLINE", Max = 16m, Score = 8m },
                    new { Code = "INTEGRITY", Max = 16m, Score = 16m },
                    new { Code = "PERSONAL_IN_SERVICE", Max = 20m, Score = 12.5m },
                });

        card.Item("STUDY").Deductions.Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "MEETING_ABSENCE", FactIds = new[] { 1L, 3L }, Points = 4m },
                new { Rule = "MEETING_LATE", FactIds = new[] { 2L }, Points = 2m },
                new { Rule = "STUDY_SHORTFALL", FactIds = new[] { 4L }, Points = 1.5m },
            });
        card.Item("ACHIEVEMENT").Deductions.Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "NO_COMMITMENT", FactIds = new[] { 5L }, Points = 3m },
                new { Rule = "TASK_OVERDUE", FactIds = new[] { 6L }, Points = 4m },
            });
        card.Item("SERVICE").Deductions.Select(l => new { l.Rule, l.Points }).Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "ASSISTANCE_EACH_YEAR", Points = 5m },
                new { Rule = "VOLUNTEER_ABSENCE", Points = 3m },
            });
        card.Item("SERVICE").Deductions.Single(l => l.Rule == "VOLUNTEER_ABSENCE").FactIds.Should().Equal(10L);
        card.Item("DISCIPLINE").Deductions.Select(l => new { l.Rule, l.Points }).Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "THOUGHT_REPORT_EACH_HALF_YEAR", Points = 3m },
                new { Rule = "DUES_LATE", Points = 5m },
            });
        card.Item("DISCIPLINE").Deductions.Single(l => l.Rule == "DUES_LATE").FactIds.Should().Equal(12L);
        card.Item("INTEGRITY").Deductions.Should().BeEmpty();
        card.Item("PERSONAL_IN_SERVICE").Deductions.Select(l => new { l.Rule, l.Points }).Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "GOOD_DEEDS_EACH_YEAR", Points = 5m },
                new { Rule = "CONDUCT_SHORTFALL", Points = 2.5m },
            });

        card.BonusLines.Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "AWARD_DEPARTMENT", FactIds = new[] { 16L }, Points = 2m },
                new { Rule = "B02_MENTOR", FactIds = new[] { 17L }, Points = 3m },
            });
        card.Base.Should().Be(62m);
        card.Bonus.Should().Be(5m);
        card.Total.Should().Be(67m);
        card.Veto.Should().BeNull();
        card.Rating.Rating.Should().Be("BASICALLY_QUALIFIED");
        card.Rating.Name.Should().Be("基本合格");
    }

    /// <summary>
    /// Retired member:
    /// STUDY 16 − (MEETING_LATE count 2 × 2 = 4) = 12
    /// ACHIEVEMENT 16
    /// SERVICE 16 − (VOLUNTEER_ABSENCE 2 × 3 = 6) = 10; 1 hardship + 2 + 3 struggling meets the assistance rule
    /// DISCIPLINE 16 − (EXECUTION_SHORTFALL 0.5 × 3 facts = 1.5) = 14.5; thought reports in both halves
    /// INTEGRITY 16 − 2 = 14
    /// PERSONAL_RETIRED 20 − (CULTURAL_ACTIVITY_ABSENCE 5) − (CONDUCT_SHORTFALL 1.5) = 13.5; the GOOD_DEED counts nothing
    /// base 12 + 16 + 10 + 14.5 + 14 + 13.5 = 80; bonus AWARD_CITY 3 + WORK_CITY_COMMENDATION 5 = 8; total 88: QUALIFIED.
    /// </summary>
    [Fact]
    public void Calculate_WhenRetiredMemberHasAFullYearOfFacts_MatchesTheHandWorkedTable()
    {
        ScoredFact[] facts =
        [
            Fact(1, "MEETING_LATE", "2026-02-20", count: 2),
            Fact(2, "ASSISTANCE_HARDSHIP", "2026-03-03"),
            Fact(3, "ASSISTANCE_STRUGGLING", "2026-03-04", count: 2),
            Fact(4, "ASSISTANCE_STRUGGLING", "2026-11-04", count: 3),
            Fact(5, "VOLUNTEER_ABSENCE", "2026-05-01"),
            Fact(6, "VOLUNTEER_ABSENCE", "2026-10-01"),
            Fact(7, "THOUGHT_REPORT", "2026-06-30"),
            Fact(8, "THOUGHT_REPORT", "2026-07-01"),
            Fact(9, "EXECUTION_SHORTFALL", "2026-03-15", points: 0.5m),
            Fact(10, "EXECUTION_SHORTFALL", "2026-06-15", points: 0.5m),
            Fact(11, "EXECUTION_SHORTFALL", "2026-09-15", points: 0.5m),
            Fact(12, "INTEGRITY_SHORTFALL", "2026-04-04", points: 2m),
            Fact(13, "CULTURAL_ACTIVITY_ABSENCE", "2026-09-09"),
            Fact(14, "CONDUCT_SHORTFALL", "2026-12-12", points: 1.5m),
            Fact(15, "GOOD_DEED", "2026-08-08"),
            Fact(16, "AWARD_CITY", "2026-06-01"),
            Fact(17, "WORK_CITY_COMMENDATION", "2026-12-20"),
        ];

        var card = Score(MemberCategory.Retired, AsOf, facts);

        card.ItemScores(MemberCategory.Retired).Should().Equal(12m, 16m, 10m, 14.5m, 14m, 13.5m);
        card.Item("STUDY").Deductions.Should().BeEquivalentTo(
            new[] { new { Rule = "MEETING_LATE", FactIds = new[] { 1L }, Points = 4m } });
        card.Item("ACHIEVEMENT").Deductions.Should().BeEmpty();
        card.Item("SERVICE").Deductions.Should().BeEquivalentTo(
            new[] { new { Rule = "VOLUNTEER_ABSENCE", FactIds = new[] { 5L, 6L }, Points = 6m } });
        card.Item("DISCIPLINE").Deductions.Should().BeEquivalentTo(
            new[] { new { Rule = "EXECUTION_SHORTFALL", FactIds = new[] { 9L, 10L, 11L }, Points = 1.5m } });
        card.Item("INTEGRITY").Deductions.Should().BeEquivalentTo(
            new[] { new { Rule = "INTEGRITY_SHORTFALL", FactIds = new[] { 12L }, Points = 2m } });
        card.Item("PERSONAL_RETIRED").Deductions.Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "CULTURAL_ACTIVITY_ABSENCE", FactIds = new[] { 13L }, Points = 5m },
                new { Rule = "CONDUCT_SHORTFALL", FactIds = new[] { 14L }, Points = 1.5m },
            });
        card.AllLines().Should().NotContain(l => l.Rule == "GOOD_DEEDS_EACH_YEAR" || l.Rule == "GOOD_DEED");
        card.BonusLines.Should().BeEquivalentTo(
            new[]
            {
                new { Rule = "AWARD_CITY", FactIds = new[] { 16L }, Points = 3m },
                new { Rule = "WORK_CITY_COMMENDATION", FactIds = new[] { 17L }, Points = 5m },
            });
        card.Base.Should().Be(80m);
        card.Bonus.Should().Be(8m);
        card.Total.Should().Be(88m);
        card.Veto.Should().BeNull();
        card.Rating.Rating.Should().Be("QUALIFIED");
    }
}
