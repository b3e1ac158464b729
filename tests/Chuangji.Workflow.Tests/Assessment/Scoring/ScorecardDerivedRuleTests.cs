using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using static Chuangji.Workflow.Tests.Assessment.Scoring.ScoringKit;

namespace Chuangji.Workflow.Tests.Assessment.Scoring;

/// <summary>
/// The derived rules of domain.md §5: −3 DISCIPLINE per half year without a thought report, −5 SERVICE once a year
/// unless 1 hardship and 5 struggling contacts, −5 PERSONAL_IN_SERVICE per good deed short of 2 (in-service only);
/// each judged only once its window has closed at the as-of date in Shanghai.
/// </summary>
public sealed class ScorecardDerivedRuleTests
{
    private const string ThoughtRule = "THOUGHT_REPORT_EACH_HALF_YEAR";
    private const string AssistanceRule = "ASSISTANCE_EACH_YEAR";
    private const string GoodDeedsRule = "GOOD_DEEDS_EACH_YEAR";

    private static ScoredFact[] Without(MemberCategory member, string kind, params ScoredFact[] extra) =>
        [.. Support(member).Where(f => f.Kind != kind && !(kind == "ASSISTANCE" && f.Kind.StartsWith("ASSISTANCE_", StringComparison.Ordinal))), .. extra];

    [Fact]
    public void Calculate_WhenNoThoughtReportInEitherHalf_DeductsThreeForEachHalfYear()
    {
        // Both half years closed and empty: 2 × −3 = −6; DISCIPLINE 10; base 94.
        var card = Score(MemberCategory.InService, YearEnd, Without(MemberCategory.InService, "THOUGHT_REPORT"));

        var discipline = card.Item("DISCIPLINE");
        discipline.Deductions.Should().HaveCount(2);
        discipline.Deductions.Should().AllSatisfy(line =>
        {
            line.Rule.Should().Be(ThoughtRule);
            line.Points.Should().Be(3m);
            line.FactIds.Should().BeEmpty();
        });
        discipline.Score.Should().Be(10m);
        card.OtherItemsUntouched(MemberCategory.InService, "DISCIPLINE");
        card.Base.Should().Be(94m);
        card.Total.Should().Be(94m);
    }

    [Theory]
    // dates of the thought reports (comma separated), DISCIPLINE, missing half years
    [InlineData("2026-03-10,2026-09-10", "16", 0)]
    [InlineData("2026-03-10", "13", 1)]
    [InlineData("2026-09-10", "13", 1)]
    [InlineData("2026-06-30,2026-07-01", "16", 0)] // the last day of H1 and the first of H2
    [InlineData("2026-01-01,2026-12-31", "16", 0)] // the first day of H1 and the last of H2
    [InlineData("2026-07-01,2026-12-31", "13", 1)] // two in H2 do not make up for none in H1
    [InlineData("2026-02-01,2026-06-30", "13", 1)] // two in H1 do not make up for none in H2
    public void Calculate_WhenThoughtReportsOnDates_DeductsThreePerEmptyHalfYear(string dates, string discipline, int missing)
    {
        var reports = dates.Split(',').Select((date, i) => Fact(100 + i, "THOUGHT_REPORT", date)).ToArray();

        var card = Score(MemberCategory.InService, YearEnd, Without(MemberCategory.InService, "THOUGHT_REPORT", reports));

        card.Item("DISCIPLINE").Score.Should().Be(Dec(discipline));
        card.Item("DISCIPLINE").Deductions.Select(line => (line.Rule, line.Points))
            .Should().Equal(Enumerable.Repeat((ThoughtRule, 3m), missing));
        card.Base.Should().Be(100m - (3m * missing));
    }

    [Fact]
    public void Calculate_WhenOnlyThoughtReportHasCountTwo_StillMissesTheOtherHalf()
    {
        var card = Score(
            MemberCategory.InService,
            YearEnd,
            Without(MemberCategory.InService, "THOUGHT_REPORT", Fact(100, "THOUGHT_REPORT", "2026-04-01", count: 2)));

        card.Item("DISCIPLINE").Score.Should().Be(13m);
        card.Base.Should().Be(97m);
    }

    [Theory]
    // counts of the hardship facts, counts of the struggling facts ("" = none), SERVICE
    [InlineData("", "", "11")] // both short: still −5 once, not −10
    [InlineData("1", "", "11")]
    [InlineData("", "1,1,1,1,1", "11")]
    [InlineData("1", "1,1,1,1", "11")] // 4 struggling < 5
    [InlineData("1", "4", "11")]
    [InlineData("1", "1,1,1,1,1", "16")]
    [InlineData("1", "5", "16")] // one fact with count 5 satisfies "at least 5"
    [InlineData("1", "2,3", "16")]
    [InlineData("2", "1,1,1,1,1,1", "16")]
    [InlineData("1,1", "6", "16")]
    public void Calculate_WhenAssistanceContacts_DeductsFiveOnceUnlessOneHardshipAndFiveStruggling(
        string hardship, string struggling, string service)
    {
        var id = 100;
        var contacts = hardship.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(count => Fact(id++, "ASSISTANCE_HARDSHIP", "2026-03-01", count: int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)))
            .Concat(struggling.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(count => Fact(id++, "ASSISTANCE_STRUGGLING", "2026-10-01", count: int.Parse(count, System.Globalization.CultureInfo.InvariantCulture))))
            .ToArray();

        var card = Score(MemberCategory.InService, YearEnd, Without(MemberCategory.InService, "ASSISTANCE", contacts));

        var expected = Dec(service);
        card.Item("SERVICE").Score.Should().Be(expected);
        if (expected == 16m)
        {
            card.Item("SERVICE").Deductions.Should().BeEmpty();
        }
        else
        {
            var line = card.Item("SERVICE").Deductions.Should().ContainSingle().Subject;
            line.Rule.Should().Be(AssistanceRule);
            line.Points.Should().Be(5m);
        }

        card.OtherItemsUntouched(MemberCategory.InService, "SERVICE");
        card.Base.Should().Be(84m + expected);
    }

    [Theory]
    // counts of the good-deed facts ("" = none), PERSONAL_IN_SERVICE, points of the line (0 = no line)
    [InlineData("", "10", "10")] // 2 missing × −5
    [InlineData("1", "15", "5")] // 1 missing × −5
    [InlineData("1,1", "20", "0")]
    [InlineData("2", "20", "0")] // one fact with count 2
    [InlineData("1,1,1", "20", "0")]
    [InlineData("5", "20", "0")]
    public void Calculate_WhenInServiceMemberHasGoodDeeds_DeductsFivePerDeedShortOfTwo(string deeds, string personal, string linePoints)
    {
        var id = 100;
        var facts = deeds.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(count => Fact(id++, "GOOD_DEED", "2026-06-01", count: int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();

        var card = Score(MemberCategory.InService, YearEnd, Without(MemberCategory.InService, "GOOD_DEED", facts));

        var item = card.Item("PERSONAL_IN_SERVICE");
        item.Score.Should().Be(Dec(personal));
        if (Dec(linePoints) == 0m)
        {
            item.Deductions.Should().BeEmpty();
        }
        else
        {
            var line = item.Deductions.Should().ContainSingle().Subject;
            line.Rule.Should().Be(GoodDeedsRule);
            line.Points.Should().Be(Dec(linePoints));
        }

        card.OtherItemsUntouched(MemberCategory.InService, "PERSONAL_IN_SERVICE");
        card.Base.Should().Be(80m + Dec(personal));
    }

    [Fact]
    public void Calculate_WhenInServiceMemberHasNoGoodDeed_LineNamesNoFacts()
    {
        var card = Score(MemberCategory.InService, YearEnd, Without(MemberCategory.InService, "GOOD_DEED"));

        var line = card.Item("PERSONAL_IN_SERVICE").Deductions.Should().ContainSingle().Subject;
        line.FactIds.Should().BeEmpty();
        line.Points.Should().Be(10m);
    }

    [Fact]
    public void Calculate_WhenRetiredMemberHasNoGoodDeed_GetsNoGoodDeedRule()
    {
        var card = ScoreSupported(MemberCategory.Retired);

        card.AllLines().Should().NotContain(line => line.Rule == GoodDeedsRule);
        card.Item("PERSONAL_RETIRED").Score.Should().Be(20m);
        card.Base.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenInServiceMemberHasNoFactsAtAllAfterTheYear_EveryDerivedRuleFires()
    {
        // DISCIPLINE 16 − 2 × 3 = 10, SERVICE 16 − 5 = 11, PERSONAL_IN_SERVICE 20 − 2 × 5 = 10: base 100 − 21 = 79.
        var card = Score(MemberCategory.InService, YearEnd, []);

        card.ItemScores(MemberCategory.InService).Should().Equal(16m, 16m, 11m, 10m, 16m, 10m);
        card.Base.Should().Be(79m);
        card.Total.Should().Be(79m);
        card.Rating.Rating.Should().Be("QUALIFIED");
    }

    [Fact]
    public void Calculate_WhenRetiredMemberHasNoFactsAtAllAfterTheYear_ThoughtAndAssistanceRulesFire()
    {
        // DISCIPLINE 10, SERVICE 11, PERSONAL_RETIRED 20 (no good-deed rule): base 100 − 11 = 89, below 90.
        var card = Score(MemberCategory.Retired, YearEnd, []);

        card.ItemScores(MemberCategory.Retired).Should().Equal(16m, 16m, 11m, 10m, 16m, 20m);
        card.Base.Should().Be(89m);
        card.Rating.Rating.Should().Be("QUALIFIED");
    }

    [Theory]
    // as-of instant; DISCIPLINE, SERVICE, PERSONAL_IN_SERVICE, base of an in-service member with no facts at all
    [InlineData("2026-03-31T12:00:00+08:00", "16", "16", "20", "100")] // nothing closed
    [InlineData("2026-06-30T23:30:00+08:00", "16", "16", "20", "100")] // H1's last day: not closed yet
    [InlineData("2026-06-30T15:30:00Z", "16", "16", "20", "100")] // the same instant in UTC
    [InlineData("2026-07-01T00:30:00+08:00", "13", "16", "20", "97")] // H1 closed: −3
    [InlineData("2026-06-30T16:30:00Z", "13", "16", "20", "97")] // the same instant in UTC (still June 30 in UTC)
    [InlineData("2026-12-31T12:00:00+08:00", "13", "16", "20", "97")] // H2 and the year still open
    [InlineData("2026-12-31T15:30:00Z", "13", "16", "20", "97")] // 23:30 Dec 31 in Shanghai
    [InlineData("2026-12-31T16:30:00Z", "10", "11", "10", "79")] // 00:30 Jan 1 in Shanghai: all closed; 100 − 6 − 5 − 10
    [InlineData("2027-01-01T00:30:00+08:00", "10", "11", "10", "79")]
    public void Calculate_WhenWindowsCloseAtTheAsOfDateInShanghai_OnlyClosedWindowsDeduct(
        string asOf, string discipline, string service, string personal, string baseScore)
    {
        var card = Score(MemberCategory.InService, Instant(asOf), []);

        card.Item("DISCIPLINE").Score.Should().Be(Dec(discipline));
        card.Item("SERVICE").Score.Should().Be(Dec(service));
        card.Item("PERSONAL_IN_SERVICE").Score.Should().Be(Dec(personal));
        card.Base.Should().Be(Dec(baseScore));
    }

    [Fact]
    public void Calculate_WhenAsOfBeforeH1Closes_HasNoDerivedLines()
    {
        var card = Score(MemberCategory.InService, At(2026, 6, 30, 23, 30), []);

        card.AllLines().Should().BeEmpty();
        card.Base.Should().Be(100m);
        card.Rating.Rating.Should().Be("EXCELLENT");
    }

    [Fact]
    public void Calculate_WhenAsOfLateDecemberWithOnlyAnH1Report_H2IsNotJudgedYet()
    {
        // H2 closes after Dec 31; at 12-31 12:00 only H1 is judged and it has a report: DISCIPLINE 16, and the
        // year-long rules are not judged yet either: base 100 with no assistance and no good deeds.
        var card = Score(MemberCategory.InService, At(2026, 12, 31, 12, 0), [Fact(1, "THOUGHT_REPORT", "2026-03-10")]);

        card.AllLines().Should().BeEmpty();
        card.Base.Should().Be(100m);
    }

    [Fact]
    public void Calculate_WhenH1ClosedWithoutReport_LineIsForTheThoughtRuleWithNoFacts()
    {
        var card = Score(MemberCategory.Retired, At(2026, 7, 1, 0, 30), []);

        var line = card.Item("DISCIPLINE").Deductions.Should().ContainSingle().Subject;
        line.Rule.Should().Be(ThoughtRule);
        line.FactIds.Should().BeEmpty();
        line.Points.Should().Be(3m);
        card.Base.Should().Be(97m);
    }
}
