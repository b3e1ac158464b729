using Chuangji.Workflow.Modules.Assessment.Domain;
using static Chuangji.Workflow.Tests.Assessment.Scoring.ScoringKit;

namespace Chuangji.Workflow.Tests.Assessment.Scoring;

/// <summary>
/// The year's assessment period closes with mass review (domain.md §9): from the day after, the second half and the
/// year are judged although they have not ended, so publicity and determination show the complete year.
/// </summary>
public sealed class ScorecardAssessmentPeriodTests
{
    [Theory]
    // An in-service member with only an H1 thought report, no assistance, no good deed. Once everything is judged:
    // DISCIPLINE 16 − 3 (H2) = 13, SERVICE 16 − 5 = 11, PERSONAL 20 − 5 × 2 = 10: base 100 − 3 − 5 − 10 = 82.
    [InlineData("2026-12-17T23:30:00+08:00", "16", "16", "20", "100", 1)] // the period's last day: only H1 judged
    [InlineData("2026-12-18T00:30:00+08:00", "13", "11", "10", "82", 3)] // the period has closed: H2 and the year too
    [InlineData("2026-12-28T15:00:00+08:00", "13", "11", "10", "82", 3)] // the branch meeting
    [InlineData("2027-01-01T00:30:00+08:00", "13", "11", "10", "82", 3)] // after the year, as before
    public void Calculate_WhenThePeriodHasClosed_JudgesEveryWindowOfTheYear(
        string asOf, string discipline, string service, string personal, string baseScore, int judgedWindows)
    {
        var card = ScoreInPeriod(MemberCategory.InService, Instant(asOf), MassReviewCloses, [Fact(1, "THOUGHT_REPORT", "2026-03-10")]);

        card.Item("DISCIPLINE").Score.Should().Be(Dec(discipline));
        card.Item("SERVICE").Score.Should().Be(Dec(service));
        card.Item("PERSONAL_IN_SERVICE").Score.Should().Be(Dec(personal));
        card.Base.Should().Be(Dec(baseScore));
        card.JudgedWindows.Should().HaveCount(judgedWindows);
        card.PeriodClosesOn.Should().Be(MassReviewCloses);
    }

    [Fact]
    public void Calculate_WhenThePeriodHasClosed_NamesTheJudgedWindowsByTheirEnd()
    {
        var card = ScoreInPeriod(MemberCategory.Retired, At(2026, 12, 20, 9, 0), MassReviewCloses, []);

        card.JudgedWindows.Select(w => (w.Label, w.First, w.Last)).Should().Equal(
            ("2026年上半年", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)),
            ("2026年下半年", new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31)),
            ("2026年全年", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Calculate_WhenADerivedRuleFallsShort_SaysWhatIsMissingInChineseByTheKindsNames()
    {
        var card = ScoreInPeriod(MemberCategory.InService, Instant("2026-12-18T00:30:00+08:00"), MassReviewCloses, [Fact(1, "THOUGHT_REPORT", "2026-03-10")]);

        card.AllLines().Select(l => l.Description).Should().BeEquivalentTo(
            "每半年至少与党组织汇报1次思想情况，少汇报一个半年扣3分（2026年下半年：思想汇报 0/1）",
            "每年至少联系一名困难教师或贫困学生、5名学困生，未做到的扣5分（2026年全年：联系困难教师或贫困学生 0/1；联系学困生 0/5）",
            "在职党员每年为群众做2件以上好事实事，每少一件扣5分（2026年全年：为群众做好事实事 0/2）");
    }

    [Fact]
    public void Calculate_WhenAThoughtReportIsDatedAfterThePeriod_ItLiftsTheSecondHalfDeduction()
    {
        // A thought report dated 12-20, registered that day, scored at the meeting on 12-28: both halves have one.
        // Retired: DISCIPLINE 16; SERVICE 16 − 5 (no assistance) = 11; PERSONAL_RETIRED 20: base 95.
        var facts = new[] { Fact(1, "THOUGHT_REPORT", "2026-04-02"), Fact(2, "THOUGHT_REPORT", "2026-12-20") };

        var card = ScoreInPeriod(MemberCategory.Retired, At(2026, 12, 28, 15, 0), MassReviewCloses, facts);

        card.Item("DISCIPLINE").Score.Should().Be(16m);
        card.Item("SERVICE").Score.Should().Be(11m);
        card.Base.Should().Be(95m);
    }

    [Fact]
    public void Calculate_WhenTheYearHasNoCalendar_JudgesOnlyWindowsThatHaveEnded()
    {
        var card = ScoreInPeriod(MemberCategory.InService, At(2026, 12, 28, 15, 0), periodClosesOn: null, [Fact(1, "THOUGHT_REPORT", "2026-03-10")]);

        card.Base.Should().Be(100m);
        card.JudgedWindows.Select(w => w.Label).Should().Equal("2026年上半年");
        card.PeriodClosesOn.Should().BeNull();
    }
}
