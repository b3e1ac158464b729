using Chuangji.Workflow.Modules.Assessment.Domain;
using static Chuangji.Workflow.Tests.Assessment.Scoring.ScoringKit;

namespace Chuangji.Workflow.Tests.Assessment.Scoring;

/// <summary>
/// Which facts count: those of the scorecard's year that happened by the as-of date (in Shanghai), were recorded by
/// the as-of moment and were not revoked by then.
/// </summary>
public sealed class ScorecardCountingTests
{
    [Fact]
    public void Calculate_WhenFactWasRevokedBeforeAsOf_DoesNotCount()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "MEETING_ABSENCE", "2026-03-12", revokedAt: At(2026, 5, 1, 10, 0)));

        card.OtherItemsUntouched(MemberCategory.InService);
        card.AllLines().Should().BeEmpty();
        card.Base.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenAsOfIsBeforeTheRevocation_TheFactCounts()
    {
        // As of April 30 no window has closed, so no supporting facts are needed: STUDY 16 − 2 = 14, base 98.
        var card = Score(
            MemberCategory.InService,
            At(2026, 4, 30, 12, 0),
            [Fact(1, "MEETING_ABSENCE", "2026-03-12", revokedAt: At(2026, 5, 1, 10, 0))]);

        card.Item("STUDY").Score.Should().Be(14m);
        card.Item("STUDY").Deductions.Should().ContainSingle().Which.FactIds.Should().Equal(1L);
        card.Base.Should().Be(98m);
    }

    [Theory]
    // seconds from the as-of moment to the revocation; STUDY
    [InlineData(-1, "16")] // revoked just before as-of: gone
    [InlineData(0, "16")] // revoked at as-of: gone (counts only while RevokedAt > AsOf)
    [InlineData(1, "14")] // revoked just after as-of: still counts
    public void Calculate_WhenRevokedAroundTheAsOfMoment_CountsOnlyIfRevokedAfterIt(int secondsAfterAsOf, string study)
    {
        var asOf = At(2026, 4, 30, 12, 0);

        var card = Score(
            MemberCategory.InService,
            asOf,
            [Fact(1, "MEETING_ABSENCE", "2026-03-12", revokedAt: asOf.AddSeconds(secondsAfterAsOf))]);

        card.Item("STUDY").Score.Should().Be(Dec(study));
        card.Base.Should().Be(84m + Dec(study));
    }

    [Fact]
    public void Calculate_WhenOneOfTwoFactsOfAKindIsRevoked_TheLineHasOnlyTheOther()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "VOLUNTEER_ABSENCE", "2026-03-12", revokedAt: At(2026, 3, 20, 10, 0)),
            Fact(2, "VOLUNTEER_ABSENCE", "2026-04-12"));

        var line = card.Item("SERVICE").Deductions.Should().ContainSingle().Subject;
        line.FactIds.Should().Equal(2L);
        line.Points.Should().Be(3m);
        card.Item("SERVICE").Score.Should().Be(13m);
        card.Base.Should().Be(97m);
    }

    [Fact]
    public void Calculate_WhenTheOnlyH1ThoughtReportIsRevoked_TheHalfYearRuleFires()
    {
        var facts = Support(MemberCategory.InService)
            .Select(f => f.Id == 901 ? f with { RevokedAt = At(2026, 8, 1, 9, 0) } : f);

        var card = Score(MemberCategory.InService, YearEnd, facts);

        var line = card.Item("DISCIPLINE").Deductions.Should().ContainSingle().Subject;
        line.Rule.Should().Be("THOUGHT_REPORT_EACH_HALF_YEAR");
        line.Points.Should().Be(3m);
        card.Item("DISCIPLINE").Score.Should().Be(13m);
        card.Base.Should().Be(97m);
    }

    [Fact]
    public void Calculate_WhenOneOfTwoGoodDeedsIsRevoked_OneDeedIsMissing()
    {
        var facts = Support(MemberCategory.InService)
            .Select(f => f.Id == 910 ? f with { RevokedAt = At(2026, 11, 1, 9, 0) } : f);

        var card = Score(MemberCategory.InService, YearEnd, facts);

        card.Item("PERSONAL_IN_SERVICE").Score.Should().Be(15m);
        card.Base.Should().Be(95m);
    }

    [Fact]
    public void Calculate_WhenFactRecordedAfterAsOf_DoesNotCount()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "DUES_LATE", "2026-12-20", recordedAt: At(2027, 1, 20, 9, 0)));

        card.Item("DISCIPLINE").Score.Should().Be(16m);
        card.Base.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenAsOfIsAfterTheLateRecording_TheFactCounts()
    {
        var card = Score(
            MemberCategory.InService,
            At(2027, 1, 20, 12, 0),
            [.. Support(MemberCategory.InService), Fact(1, "DUES_LATE", "2026-12-20", recordedAt: At(2027, 1, 20, 9, 0))]);

        card.Item("DISCIPLINE").Score.Should().Be(11m);
        card.Base.Should().Be(95m);
    }

    [Fact]
    public void Calculate_WhenFactRecordedExactlyAtAsOf_Counts()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "DUES_LATE", "2026-12-20", recordedAt: YearEnd));

        card.Item("DISCIPLINE").Score.Should().Be(11m);
        card.Base.Should().Be(95m);
    }

    [Fact]
    public void Calculate_WhenFactOccursAfterTheAsOfDate_DoesNotCount()
    {
        // As of Oct 15 only H1 has closed; its thought report is there. The absence is dated Oct 16.
        var card = Score(
            MemberCategory.InService,
            At(2026, 10, 15, 12, 0),
            [
                Fact(901, "THOUGHT_REPORT", "2026-03-10"),
                Fact(1, "MEETING_ABSENCE", "2026-10-16", recordedAt: At(2026, 10, 15, 9, 0)),
            ]);

        card.Item("STUDY").Score.Should().Be(16m);
        card.AllLines().Should().BeEmpty();
        card.Base.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenFactOccursOnTheAsOfDate_Counts()
    {
        var card = Score(
            MemberCategory.InService,
            At(2026, 10, 15, 12, 0),
            [
                Fact(901, "THOUGHT_REPORT", "2026-03-10"),
                Fact(1, "MEETING_ABSENCE", "2026-10-15", recordedAt: At(2026, 10, 15, 9, 0)),
            ]);

        card.Item("STUDY").Score.Should().Be(14m);
        card.Base.Should().Be(98m);
    }

    [Theory]
    // as-of instant; STUDY. The absence is dated Oct 16 and was recorded at 2026-10-15T14:00Z.
    [InlineData("2026-10-15T15:00:00Z", "16")] // 23:00 Oct 15 in Shanghai: the fact's date has not come
    [InlineData("2026-10-15T16:30:00Z", "14")] // 00:30 Oct 16 in Shanghai, though still Oct 15 in UTC: it counts
    public void Calculate_WhenAsOfDateIsTakenInShanghai_FactOfTheNextUtcDayCounts(string asOf, string study)
    {
        var card = Score(
            MemberCategory.InService,
            Instant(asOf),
            [
                Fact(901, "THOUGHT_REPORT", "2026-03-10"),
                Fact(1, "MEETING_ABSENCE", "2026-10-16", recordedAt: Instant("2026-10-15T14:00:00Z")),
            ]);

        card.Item("STUDY").Score.Should().Be(Dec(study));
    }

    [Fact]
    public void Calculate_WhenFactsBelongToOtherYears_TheyDoNotCount()
    {
        var card = ScoreSupported(
            MemberCategory.InService,
            Fact(1, "MEETING_ABSENCE", "2025-12-31"),
            Fact(2, "DUES_LATE", "2027-01-01", recordedAt: At(2027, 1, 2, 9, 0)),
            Fact(3, "AWARD_CITY", "2025-12-30"),
            Fact(4, "AWARD_PROVINCIAL", "2027-01-05"));

        card.OtherItemsUntouched(MemberCategory.InService);
        card.AllLines().Should().BeEmpty();
        card.Base.Should().Be(100m);
        card.Bonus.Should().Be(0m);
        card.Total.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenPositiveFactsBelongToOtherYears_TheyDoNotSatisfy2026Rules()
    {
        // Thought reports dated 2025-12-20 and 2027-01-05 fill neither 2026 half year: DISCIPLINE 16 − 6 = 10.
        // Good deeds dated 2025 and 2027: both missing, PERSONAL_IN_SERVICE 20 − 10 = 10. Base 100 − 16 = 84.
        var facts = AssistanceMet().Concat(
        [
            Fact(1, "THOUGHT_REPORT", "2025-12-20"),
            Fact(2, "THOUGHT_REPORT", "2027-01-05"),
            Fact(3, "GOOD_DEED", "2025-11-11"),
            Fact(4, "GOOD_DEED", "2027-01-06", count: 2),
        ]);

        var card = Score(MemberCategory.InService, YearEnd, facts);

        card.Item("DISCIPLINE").Score.Should().Be(10m);
        card.Item("PERSONAL_IN_SERVICE").Score.Should().Be(10m);
        card.Base.Should().Be(84m);
    }
}
