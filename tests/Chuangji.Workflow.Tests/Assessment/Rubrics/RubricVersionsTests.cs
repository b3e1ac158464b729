using Chuangji.Assessment.V1;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Assessment.Rubrics;

public sealed class RubricVersionsTests : AssessmentFixture
{
    private async Task<Rubric> CurrentAsync() => (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;

    private async Task LockAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAssessmentModule>().LockRubricAsync(2026, CancellationToken.None);
    }

    [Fact]
    public async Task ReplaceRubric_WhenValid_StoresTheNextVersionThatScorecardsUse()
    {
        var rubric = await CurrentAsync();
        rubric.FactKinds.Single(k => k.Kind == "MEETING_ABSENCE").Points = "3";
        await RecordAsync("T1002", "MEETING_ABSENCE");

        var replaced = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric, Note = "缺席扣分调整为3分" });

        replaced.Rubric.Version.Should().Be(2);
        (await CurrentAsync()).Version.Should().Be(2);
        var card = await ScorecardAsync("T1002");
        card.RubricVersion.Should().Be(2);
        Item(card, "STUDY").Should().Be("13");
        (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2027 })).Rubric.Version.Should().Be(1, "each year has its own table");
    }

    [Fact]
    public async Task ReplaceRubric_WhenACategoryDoesNotTotalHundred_IsInvalidArgumentAndKeepsTheVersion()
    {
        var rubric = await CurrentAsync();
        rubric.Items.Single(i => i.Code == "STUDY").MaxPoints = "15";

        var error = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().AllBe("rubric");
        error.Status.Detail.Should().Contain("total 99, not 100");
        (await CurrentAsync()).Version.Should().Be(1);
    }

    [Fact]
    public async Task ReplaceRubric_WhenADecimalIsUnreadable_IsInvalidArgumentNamingItsPath()
    {
        var rubric = await CurrentAsync();
        rubric.Items[2].MaxPoints = "sixteen";

        var error = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("rubric.items[2].max_points");
    }

    [Fact]
    public async Task ReplaceRubric_WhenItDropsAKindTheYearsFactsUse_IsInvalidArgument()
    {
        await RecordAsync("T1002", "MEETING_LATE");
        var rubric = await CurrentAsync();
        rubric.FactKinds.Remove(rubric.FactKinds.Single(k => k.Kind == "MEETING_LATE"));

        var error = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("rubric.fact_kinds");
        error.Status.Detail.Should().Contain("MEETING_LATE");
    }

    [Fact]
    public async Task ReplaceRubric_WhenTheYearHasHadItsFirstDetermination_IsFailedPrecondition()
    {
        var rubric = await CurrentAsync();
        await LockAsync();
        await LockAsync();

        var error = await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric }).ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["state"].Should().Be("DETERMINED");
        (await CurrentAsync()).Version.Should().Be(1);
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
}
