using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Assessment.Review;

/// <summary>One test per defect the code review found, each failing before its fix.</summary>
public sealed class ReviewFindingsTests : AssessmentFixture
{
    private MembersService.MembersServiceClient Members => new(Service.Channel);

    private async Task ApproveContestAsync()
    {
        await Assessment.ProposeBonusItemsAsync(new ProposeBonusItemsRequest
        {
            Year = 2026,
            BranchCode = "B01",
            Items = { new BonusItemProposal { Code = "B01_CONTEST", Name = "教学竞赛获奖", Points = "3" } },
        });
        await Assessment.ApproveBonusItemsAsync(new ApproveBonusItemsRequest { Year = 2026, Decisions = { new BonusItemDecision { Code = "B01_CONTEST", Approve = true } } });
    }

    [Fact]
    public async Task ListEvents_WhenTheTokenCarriesANonNumericKey_IsInvalidArgumentNotInternal()
    {
        var forged = System.Buffers.Text.Base64Url.EncodeToString("facts|2026|||False\nabc"u8);

        var error = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, PageToken = forged }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("page_token");
    }

    [Fact]
    public async Task ReplaceRubric_WhenANewKindTakesABonusItemsCode_IsInvalidArgument()
    {
        await ApproveContestAsync();
        var rubric = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        rubric.FactKinds.Add(new FactKind { Kind = "B01_CONTEST", Name = "抢注", Rule = FactRule.PerCount, Points = "10", ItemCodes = { "STUDY" } });

        var error = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric }).ShouldFailWith(StatusCode.InvalidArgument);

        error.Status.Detail.Should().Contain("must not use the codes of 2026's branch bonus items: B01_CONTEST");
    }

    [Fact]
    public async Task FactWriter_WhenTheTableChangedAfterTheFactWasChecked_WritesNothingForIt()
    {
        await RecordAsync("T1002", "MEETING_LATE");
        var rubric = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric, Note = "v2" });
        var writer = Service.Services.GetRequiredService<FactWriter>();
        var recorded = (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Single();
        NewFact Checked(int version, string requestId) =>
            new(1, recorded.StaffNumber, 2026, "MEETING_LATE", new DateOnly(2026, 4, 1), 1, null, "", "test", requestId, version);

        var outcomes = await writer.WriteAsync([Checked(1, "stale"), Checked(2, "fresh")]);

        outcomes.Select(o => o.Result).Should().Equal(FactWriteResult.StaleRubric, FactWriteResult.Recorded);
        outcomes[0].CurrentRubricVersion.Should().Be(2);
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Select(f => f.RequestId).Should().NotContain("stale");
    }

    [Fact]
    public async Task RecordEvent_WhenTheCachedTableVersionIsStale_IsAbortedOnceAndTheRetrySucceeds()
    {
        await RecordAsync("T1002", "MEETING_LATE");
        var rubric = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric, Note = "v2" });
        // As if another instance had replaced the table: this one still believes version 1 is current.
        Service.Services.GetRequiredService<Chuangji.Workflow.Modules.Assessment.Rubrics.RubricDocuments>().RememberCurrentVersion(2026, 1);
        var request = new RecordEventRequest { Fact = Fact("T1002", "MEETING_LATE", requestId: "after-replace") };

        var error = await Assessment.RecordEventAsync(request).ShouldFailWith(StatusCode.Aborted);
        var retry = await Assessment.RecordEventAsync(request);

        error.ErrorInfo()!.Metadata["current_version"].Should().Be("2");
        retry.Replayed.Should().BeFalse();
        (await ScorecardAsync("T1002")).RubricVersion.Should().Be(2);
    }

    [Fact]
    public async Task BranchBonus_WhenTheMemberIsTransferredLater_StillCountsAndItsRetryReplays()
    {
        await ApproveContestAsync();
        var request = new RecordEventRequest { Fact = Fact("T1002", "B01_CONTEST", requestId: "contest-T1002") };
        await Assessment.RecordEventAsync(request);
        await Members.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02" });

        var retry = await Assessment.RecordEventAsync(request);

        retry.Replayed.Should().BeTrue();
        (await ScorecardAsync("T1002")).BonusScore.Should().Be("3");
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
    public async Task ProposeBonusItems_WhenARejectedItemIsProposedUnchanged_IsProposedAgain()
    {
        var proposal = new ProposeBonusItemsRequest { Year = 2026, BranchCode = "B01", Items = { new BonusItemProposal { Code = "B01_CONTEST", Name = "教学竞赛获奖", Points = "3" } } };
        await Assessment.ProposeBonusItemsAsync(proposal);
        await Assessment.ApproveBonusItemsAsync(new ApproveBonusItemsRequest { Year = 2026, Decisions = { new BonusItemDecision { Code = "B01_CONTEST", Approve = false } } });

        var again = await Assessment.ProposeBonusItemsAsync(proposal);

        again.Items.Single().Status.Should().Be(BonusItemStatus.Proposed);
    }

    [Fact]
    public async Task ProposeBonusItems_WhenOverTwoHundredItems_IsInvalidArgumentNamingItems()
    {
        var request = new ProposeBonusItemsRequest { Year = 2026, BranchCode = "B01" };
        request.Items.AddRange(Enumerable.Range(0, 201).Select(i => new BonusItemProposal { Code = $"B01_X{i}", Name = "x", Points = "1" }));

        var error = await Assessment.ProposeBonusItemsAsync(request).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("items");
    }

    [Fact]
    public async Task RecordEvent_WhenAFieldIsHuge_AnswersAShortInvalidArgument()
    {
        var error = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T1002", "MEETING_LATE", occurredOn: new string('9', 70_000)) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("fact.occurred_on");
        error.Status.Detail.Length.Should().BeLessThan(200);
    }

    [Fact]
    public async Task ListScorecards_WhenAMemberLeavesBetweenPages_SkipsNobody()
    {
        await RecordAsync("T1003", "THOUGHT_REPORT", "2026-02-01");
        var first = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026, PageSize = 1 });
        await Members.UpdateMemberAsync(new UpdateMemberRequest { StaffNumber = "T1003", Status = Chuangji.Members.V1.MemberStatus.TransferredOut });

        var rest = await Assessment.ListScorecardsAsync(new ListScorecardsRequest { BranchCode = "B01", Year = 2026, PageSize = 5, PageToken = first.NextPageToken });

        first.Scorecards.Single().Scorecard.StaffNumber.Should().Be("T1003");
        rest.Scorecards.Select(s => s.Scorecard.StaffNumber).Should().Equal("R2001", "T1002");
    }

    [Fact]
    public async Task RevokeEvent_WhenTheSameRevocationRacesItself_AnswersEveryCallWithIt()
    {
        var fact = await RecordAsync("T1002", "DUES_LATE");
        var request = new RevokeEventRequest { FactId = fact.FactId, Reason = "登记有误" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Assessment.RevokeEventAsync(request).ResponseAsync));

        answers.Select(a => a.Fact.Revocation.RevokedAt).Distinct().Should().ContainSingle();
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
