using Chuangji.Assessment.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Assessment.Scorecards;

public sealed class GetScorecardTests : AssessmentFixture
{
    private static readonly DateTimeOffset NewYear2027 = new(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task GetScorecard_WhenInServiceMemberHasFacts_ScoresEveryLineAsTheTablePrescribes()
    {
        var absences = await RecordAsync("T1002", "MEETING_ABSENCE", "2026-03-01", count: 2);
        var shortfall = await RecordAsync("T1002", "STUDY_SHORTFALL", "2026-04-02", points: "1.5");
        var noCommitment1 = await RecordAsync("T1002", "NO_COMMITMENT", "2026-02-01");
        var noCommitment2 = await RecordAsync("T1002", "NO_COMMITMENT", "2026-02-02");
        var dues = await RecordAsync("T1002", "DUES_LATE", "2026-05-05");
        await RecordAsync("T1002", "THOUGHT_REPORT", "2026-08-01");
        var award = await RecordAsync("T1002", "AWARD_CITY", "2026-10-01");

        var card = await ScorecardAsync("T1002");

        // As of 2026-11-25 only the first half year has closed: no thought report in it costs 3.
        card.Items.Select(i => (i.Code, i.MaxPoints, i.Score)).Should().Equal(
            ("STUDY", "16", "10.5"),
            ("ACHIEVEMENT", "16", "13"),
            ("SERVICE", "16", "16"),
            ("DISCIPLINE", "16", "8"),
            ("INTEGRITY", "16", "16"),
            ("PERSONAL_IN_SERVICE", "20", "20"));
        card.Items[0].Deductions.Select(d => (d.Rule, d.Points, d.FactIds.ToArray())).Should().BeEquivalentTo(new[]
        {
            ("MEETING_ABSENCE", "4", new[] { absences.FactId }),
            ("STUDY_SHORTFALL", "1.5", new[] { shortfall.FactId }),
        });
        card.Items[1].Deductions.Should().ContainSingle().Which.FactIds.Should().Equal(noCommitment1.FactId, noCommitment2.FactId);
        card.Items[3].Deductions.Select(d => (d.Rule, d.Points)).Should().BeEquivalentTo(new[] { ("DUES_LATE", "5"), ("THOUGHT_REPORT_EACH_HALF_YEAR", "3") });
        card.Items[3].Deductions.Single(d => d.Rule == "DUES_LATE").FactIds.Should().Equal(dues.FactId);
        card.BonusLines.Should().ContainSingle().Which.Should().BeEquivalentTo(new ScoreLine { Rule = "AWARD_CITY", Description = "市级先进个人", Points = "3", FactIds = { award.FactId } });
        (card.BaseScore, card.BonusScore, card.TotalScore).Should().Be(("83.5", "3", "86.5"));
        (card.SuggestedRating, card.SuggestedRatingName).Should().Be(("QUALIFIED", "合格"));
        (card.RubricVersion, card.Year, card.Category).Should().Be((1, 2026, MemberCategory.InService));
        card.Veto.Should().BeNull();
    }

    [Fact]
    public async Task GetScorecard_WhenAsOfTheNewYear_AppliesTheYearlyRulesToo()
    {
        await RecordAsync("T1002", "MEETING_ABSENCE", "2026-03-01", count: 2);
        await RecordAsync("T1002", "STUDY_SHORTFALL", "2026-04-02", points: "1.5");
        await RecordAsync("T1002", "NO_COMMITMENT", "2026-02-01");
        await RecordAsync("T1002", "DUES_LATE", "2026-05-05");
        await RecordAsync("T1002", "THOUGHT_REPORT", "2026-08-01");
        await RecordAsync("T1002", "AWARD_CITY", "2026-10-01");

        var card = await ScorecardAsync("T1002", NewYear2027);

        // The year has closed: no assistance costs SERVICE 5, no good deeds cost 2 x 5; the second
        // half year had its thought report, so DISCIPLINE stays at 16 - 5 - 3.
        card.Items.Select(i => i.Score).Should().Equal("10.5", "13", "11", "8", "16", "10");
        (card.BaseScore, card.TotalScore).Should().Be(("68.5", "71.5"));
        card.SuggestedRating.Should().Be("QUALIFIED");
    }

    [Fact]
    public async Task GetScorecard_WhenRetiredMemberHasFacts_ScoresTheRetiredItem()
    {
        await RecordAsync("R2001", "CULTURAL_ACTIVITY_ABSENCE", "2026-03-03");
        await RecordAsync("R2001", "CONDUCT_SHORTFALL", "2026-03-04", points: "2");
        await RecordAsync("R2001", "THOUGHT_REPORT", "2026-02-01");

        var card = await ScorecardAsync("R2001");

        card.Items.Select(i => (i.Code, i.Score)).Should().Equal(
            ("STUDY", "16"), ("ACHIEVEMENT", "16"), ("SERVICE", "16"), ("DISCIPLINE", "16"), ("INTEGRITY", "16"), ("PERSONAL_RETIRED", "13"));
        (card.BaseScore, card.TotalScore, card.SuggestedRating).Should().Be(("93", "93", "EXCELLENT"));
        card.Category.Should().Be(MemberCategory.Retired);
    }

    [Fact]
    public async Task GetScorecard_WhenVetoed_IsUnqualifiedWhateverThePoints()
    {
        await RecordAsync("R2001", "THOUGHT_REPORT", "2026-02-01");
        await RecordAsync("R2001", "AWARD_PROVINCIAL", "2026-02-02");
        var violation = await RecordAsync("R2001", "LEGAL_VIOLATION", "2026-06-01");

        var card = await ScorecardAsync("R2001");

        card.TotalScore.Should().Be("105");
        card.Veto.Should().BeEquivalentTo(new Veto { Kind = "LEGAL_VIOLATION", Name = "违反计划生育或受治安、刑事处罚", FactId = violation.FactId });
        (card.SuggestedRating, card.SuggestedRatingName).Should().Be(("UNQUALIFIED", "不合格"));
    }

    [Fact]
    public async Task GetScorecard_WhenAsOfIsBeforeAFactWasRecorded_LeavesItOut()
    {
        Service.Time.Advance(TimeSpan.FromDays(1));
        await RecordAsync("T1002", "TASK_OVERDUE", "2026-11-20");

        Item(await ScorecardAsync("T1002", TestService.DefaultStart), "ACHIEVEMENT").Should().Be("16");
        Item(await ScorecardAsync("T1002"), "ACHIEVEMENT").Should().Be("14");
    }

    [Fact]
    public async Task GetScorecard_WhenMemberIsUnknown_IsNotFound()
    {
        await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T9999", Year = 2026 }).ShouldFailWith(StatusCode.NotFound);
    }

    [Fact]
    public async Task GetScorecard_WhenYearIsOutOfRange_IsInvalidArgumentNamingYear()
    {
        var error = await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1002", Year = 1999 }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("year");
    }

    [Fact]
    public async Task GetScorecard_AsOfBeforeATableReplacement_UsesTheTableInForceThen()
    {
        await RecordAsync("T1002", "MEETING_ABSENCE");
        var before = Service.Time.GetUtcNow();
        Service.Time.Advance(TimeSpan.FromHours(1));
        var rubric = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        rubric.FactKinds.Single(k => k.Kind == "MEETING_ABSENCE").Points = "4";
        await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric });

        var then = await ScorecardAsync("T1002", before);
        var now = await ScorecardAsync("T1002");

        (then.RubricVersion, Item(then, "STUDY")).Should().Be((1, "14"));
        (now.RubricVersion, Item(now, "STUDY")).Should().Be((2, "12"));
    }

    [Fact]
    public async Task GetScorecard_WhenAsOfIsTheFarFuture_JudgesEveryWindowOfTheYear()
    {
        var card = await ScorecardAsync("T1002", new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero));

        // No facts at all: both thought reports (-6), assistance (-5) and two good deeds (-10) are missing.
        card.Items.Select(i => i.Score).Should().Equal("16", "16", "11", "10", "16", "10");
        card.TotalScore.Should().Be("79");
    }
}
