using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Assessment.BonusItems;

public sealed class BonusItemsTests : AssessmentFixture
{
    private static ProposeBonusItemsRequest Contest(string branch = "B01", string code = "B01_TEACHING_CONTEST", string points = "2") => new()
    {
        Year = 2026,
        BranchCode = branch,
        Items = { new BonusItemProposal { Code = code, Name = "教学竞赛获奖", Points = points } },
    };

    [Fact]
    public async Task ProposedItem_WhenNotYetApproved_CannotBeRegistered()
    {
        var proposed = await Assessment.ProposeBonusItemsAsync(Contest());

        var error = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T1002", "B01_TEACHING_CONTEST") }).ShouldFailWith(StatusCode.FailedPrecondition);

        proposed.Items.Single().Status.Should().Be(BonusItemStatus.Proposed);
        error.ErrorInfo()!.Metadata["state"].Should().Be("PROPOSED");
        error.ErrorInfo()!.Metadata["permitted_actions"].Should().Be("ApproveBonusItems");
    }

    [Fact]
    public async Task ApprovedItem_WhenRegistered_AddsItsPointsToTheBonus()
    {
        await Assessment.ProposeBonusItemsAsync(Contest(points: "2.5"));
        var approved = await Assessment.ApproveBonusItemsAsync(new ApproveBonusItemsRequest { Year = 2026, Decisions = { new BonusItemDecision { Code = "B01_TEACHING_CONTEST", Approve = true, Note = "同意" } } });

        var fact = await RecordAsync("T1002", "B01_TEACHING_CONTEST", count: 2);

        approved.Items.Single().Status.Should().Be(BonusItemStatus.Approved);
        var card = await ScorecardAsync("T1002");
        card.BonusLines.Should().ContainSingle().Which.Should().BeEquivalentTo(new ScoreLine { Rule = "B01_TEACHING_CONTEST", Description = "教学竞赛获奖", Points = "5", FactIds = { fact.FactId } });
        (card.BaseScore, card.TotalScore).Should().Be(("97", "102"));
    }

    [Fact]
    public async Task ApprovedItem_WhenMemberIsOfAnotherBranch_IsInvalidArgumentNamingKind()
    {
        await Assessment.ProposeBonusItemsAsync(Contest());
        await Assessment.ApproveBonusItemsAsync(new ApproveBonusItemsRequest { Year = 2026, Decisions = { new BonusItemDecision { Code = "B01_TEACHING_CONTEST", Approve = true } } });

        var error = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T2001", "B01_TEACHING_CONTEST") }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("fact.kind");
        error.Status.Detail.Should().Contain("T2001 is in branch B02");
    }

    [Fact]
    public async Task RejectedItem_WhenApprovedLater_IsFailedPreconditionUntilProposedAgain()
    {
        await Assessment.ProposeBonusItemsAsync(Contest());
        await Assessment.ApproveBonusItemsAsync(new ApproveBonusItemsRequest { Year = 2026, Decisions = { new BonusItemDecision { Code = "B01_TEACHING_CONTEST", Approve = false, Note = "与市级奖项重复" } } });

        var error = await Assessment.ApproveBonusItemsAsync(new ApproveBonusItemsRequest { Year = 2026, Decisions = { new BonusItemDecision { Code = "B01_TEACHING_CONTEST", Approve = true } } })
            .ShouldFailWith(StatusCode.FailedPrecondition);
        var again = await Assessment.ProposeBonusItemsAsync(Contest(points: "1"));

        error.ErrorInfo()!.Metadata["state"].Should().Be("REJECTED");
        again.Items.Single().Should().BeEquivalentTo(new BonusItem { Year = 2026, BranchCode = "B01", Code = "B01_TEACHING_CONTEST", Name = "教学竞赛获奖", Points = "1", Status = BonusItemStatus.Proposed });
    }

    [Fact]
    public async Task ProposeBonusItems_WhenRepeated_ChangesNothing()
    {
        await Assessment.ProposeBonusItemsAsync(Contest());
        await Assessment.ProposeBonusItemsAsync(Contest());

        (await Assessment.ListBonusItemsAsync(new ListBonusItemsRequest { Year = 2026 })).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task ProposeBonusItems_WhenAnotherBranchHoldsTheCode_IsAlreadyExists()
    {
        await Assessment.ProposeBonusItemsAsync(Contest());

        var error = await Assessment.ProposeBonusItemsAsync(Contest(branch: "B02")).ShouldFailWith(StatusCode.AlreadyExists);

        error.ViolatedFields().Should().Equal("code");
        (await Assessment.ListBonusItemsAsync(new ListBonusItemsRequest { Year = 2026, BranchCode = "B02" })).Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("AWARD_CITY", "2", "items[0].code")]
    [InlineData("B01 CONTEST", "2", "items[0].code")]
    [InlineData("B01_CONTEST", "0", "items[0].points")]
    [InlineData("B01_CONTEST", "2.25", "items[0].points")]
    [InlineData("B01_CONTEST", "many", "items[0].points")]
    public async Task ProposeBonusItems_WhenAnItemBreaksARule_IsInvalidArgumentNamingTheField(string code, string points, string field)
    {
        var error = await Assessment.ProposeBonusItemsAsync(Contest(code: code, points: points)).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal(field);
        (await Assessment.ListBonusItemsAsync(new ListBonusItemsRequest { Year = 2026 })).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task ProposeBonusItems_WhenBranchIsUnknown_IsNotFound()
    {
        var error = await Assessment.ProposeBonusItemsAsync(Contest(branch: "B99")).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("branch_code");
    }

    [Fact]
    public async Task ApproveBonusItems_WhenItemIsUnknown_IsNotFoundAndDecidesNothing()
    {
        await Assessment.ProposeBonusItemsAsync(Contest());

        var error = await Assessment.ApproveBonusItemsAsync(new ApproveBonusItemsRequest
        {
            Year = 2026,
            Decisions = { new BonusItemDecision { Code = "B01_TEACHING_CONTEST", Approve = true }, new BonusItemDecision { Code = "NOPE", Approve = true } },
        }).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("decisions[1].code");
        (await Assessment.ListBonusItemsAsync(new ListBonusItemsRequest { Year = 2026 })).Items.Single().Status.Should().Be(BonusItemStatus.Proposed);
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
}
