using System.Globalization;
using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Records;
using Chuangji.Workflow.Tests.Assessment;
using Chuangji.Workflow.Tests.Members;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Documents.Records;

/// <summary>
/// What the documents read of the Assessment module is what its RPCs answer: the test college (B01: T1002, T1003,
/// retired R2001; B02: T2001) with a few facts, one of them revoked, read through IAssessmentRecords and through the
/// generated client.
/// </summary>
public sealed class AssessmentRecordsTests : AssessmentFixture
{
    [Fact]
    public async Task Rubric_IsWhatGetRubricAnswers()
    {
        var rubric = await InScopeAsync(records => records.RubricAsync(2026, CancellationToken.None));

        rubric.Should().Be((await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric);
    }

    [Fact]
    public async Task Scorecards_OfTheCollege_AreWhatGetScorecardAndListScorecardsAnswerForTheSameMoment_ByStaffNumber()
    {
        await WithFactsAsync();
        var asOf = Service.Time.GetUtcNow();

        var scorecards = await InScopeAsync(records => records.ScorecardsAsync(2026, null, asOf, CancellationToken.None).ReadAllAsync());

        scorecards.Select(s => s.StaffNumber).Should().Equal("R2001", "T1002", "T1003", "T2001");
        foreach (var scorecard in scorecards)
        {
            scorecard.Should().Be(await ScorecardAsync(scorecard.StaffNumber, asOf));
        }

        scorecards.Should().Equal(await ListedByStaffNumberAsync(string.Empty, asOf));
        scorecards.Single(s => s.StaffNumber == "T1002").Items.SelectMany(i => i.Deductions).Should().NotBeEmpty("the facts were scored");
    }

    [Fact]
    public async Task Scorecards_OfABranch_AreItsActiveMembersOnly_AsListScorecardsAnswersThem()
    {
        await WithFactsAsync();
        var asOf = Service.Time.GetUtcNow();

        var scorecards = await InScopeAsync(records => records.ScorecardsAsync(2026, "B01", asOf, CancellationToken.None).ReadAllAsync());

        scorecards.Select(s => (s.StaffNumber, s.BranchCode)).Should().Equal(("R2001", "B01"), ("T1002", "B01"), ("T1003", "B01"));
        scorecards.Should().Equal(await ListedByStaffNumberAsync("B01", asOf));
    }

    [Fact]
    public async Task Scorecards_OfMoreMembersThanAChunk_StreamEveryOneInStaffNumberOrder()
    {
        var extra = AssessmentRecords.Chunk + 20;
        var import = new ImportMembersRequest();
        import.Members.AddRange(Enumerable.Range(1, extra).Select(i => MembersFixtures.Registration($"P{i:D4}", "B02", name: $"党员{i}")));
        await Members.ImportMembersAsync(import);
        await RecordAsync("P0510", "DUES_LATE");
        var asOf = Service.Time.GetUtcNow();

        var scorecards = await InScopeAsync(records => records.ScorecardsAsync(2026, null, asOf, CancellationToken.None).ReadAllAsync());

        scorecards.Should().HaveCount(extra + 4).And.HaveCountGreaterThan(AssessmentRecords.Chunk);
        scorecards.Select(s => s.StaffNumber).Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();
        scorecards.Should().Equal(await ListedByStaffNumberAsync(string.Empty, asOf));
    }

    [Fact]
    public async Task Standings_OfTheCollege_AreTheScorecardsFigures_EveryActiveMemberOnce_AVetoIncluded()
    {
        await WithFactsAsync();
        await RecordAsync("R2001", "LEGAL_VIOLATION", "2026-03-02");
        var asOf = Service.Time.GetUtcNow();

        var standings = await InScopeAsync(records => records.StandingsAsync(2026, asOf, CancellationToken.None).ReadAllAsync());

        var scorecards = await ListedByStaffNumberAsync(string.Empty, asOf);
        standings.OrderBy(s => s.StaffNumber, StringComparer.Ordinal).Should().Equal(scorecards.Select(card => new ScoreStanding(
            card.StaffNumber, card.Name, card.BranchCode, decimal.Parse(card.TotalScore, CultureInfo.InvariantCulture), card.TotalScore, card.Veto is not null,
            card.SuggestedRatingName)));
        // By hand, on 2026-11-25 (the first half judged, the year not yet): T1002 100 − 5 (dues late) − 3 (no thought report
        // in the first half) = 92; T1003 100 − 3 (the same half), its revoked lateness counting nothing; T2001 reported in
        // February: 100; R2001 vetoed.
        standings.Single(s => s.StaffNumber == "T1002").Should().Match<ScoreStanding>(s => s.TotalScore == "92" && s.Total == 92m && !s.Vetoed);
        standings.Single(s => s.StaffNumber == "T1003").TotalScore.Should().Be("97");
        standings.Single(s => s.StaffNumber == "T2001").TotalScore.Should().Be("100");
        standings.Single(s => s.StaffNumber == "R2001").Should().Match<ScoreStanding>(s => s.Vetoed && s.SuggestedRatingName == "不合格");
    }

    [Fact]
    public async Task Facts_AreWhatListEventsAnswers_RevokedOnesWithTheirRevocation_UnknownIdsAbsent()
    {
        var (kept, revoked) = await WithFactsAsync();

        var facts = await InScopeAsync(records => records.FactsAsync([revoked.FactId, kept.FactId, 999_999], CancellationToken.None));

        var listed = (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, IncludeRevoked = true, PageSize = 500 })).Facts;
        facts.Should().Equal(listed.Where(f => f.FactId == kept.FactId || f.FactId == revoked.FactId).OrderBy(f => f.FactId));
        facts.Single(f => f.FactId == revoked.FactId).Revocation.Reason.Should().Be("登记有误");
    }

    /// <summary>T1002 late with dues (kept), T1003 late to a meeting (revoked), T2001 a thought report.</summary>
    private async Task<(Fact Kept, Fact Revoked)> WithFactsAsync()
    {
        var kept = await RecordAsync("T1002", "DUES_LATE");
        var wrong = await RecordAsync("T1003", "MEETING_LATE");
        await RecordAsync("T2001", "THOUGHT_REPORT", "2026-02-10");
        var revoked = (await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = wrong.FactId, Reason = "登记有误", RevokedBy = "secretary-B01" })).Fact;
        return (kept, revoked);
    }

    /// <summary>Every page of ListScorecards for the moment, put in staff-number order (it answers in rank order).</summary>
    private async Task<List<Scorecard>> ListedByStaffNumberAsync(string branchCode, DateTimeOffset asOf)
    {
        var listed = new List<Scorecard>();
        var token = string.Empty;
        do
        {
            var page = await Assessment.ListScorecardsAsync(new ListScorecardsRequest
            {
                BranchCode = branchCode, Year = 2026, AsOf = Timestamp.FromDateTimeOffset(asOf), PageSize = 500, PageToken = token,
            });
            listed.AddRange(page.Scorecards.Select(r => r.Scorecard));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return listed.OrderBy(s => s.StaffNumber, StringComparer.Ordinal).ToList();
    }

    private async Task<T> InScopeAsync<T>(Func<IAssessmentRecords, Task<T>> read)
    {
        using var scope = Service.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<IAssessmentRecords>());
    }
}
