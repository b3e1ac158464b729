using Chuangji.Members.V1;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.Modules.Workflow.Records;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.Tests.Workflow;
using Chuangji.Workflow.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Documents.Records;

/// <summary>
/// What the documents read of the Workflow module is what its RPCs answer: the test college (B01: T1002, T1003,
/// retired R2001; B02: T2001) on 2026-01-05, read through IWorkflowRecords and through the generated client.
/// </summary>
public sealed class WorkflowRecordsTests : WorkflowFixture
{
    [Fact]
    public async Task AYearNotOpened_ReadsAsNothing_WithoutFailing()
    {
        using var scope = Service.Services.CreateScope();
        var records = scope.ServiceProvider.GetRequiredService<IWorkflowRecords>();

        (await records.YearAsync(2026, CancellationToken.None)).Should().BeNull();
        (await records.CyclesAsync(2026, null, CancellationToken.None).ReadAllAsync()).Should().BeEmpty();
        (await records.CyclesAsync(2026, "B01", CancellationToken.None).ReadAllAsync()).Should().BeEmpty();
        (await records.OpinionsAsync(2026, null, CancellationToken.None).ReadAllAsync()).Should().BeEmpty();
        (await records.CheckReportsAsync(2026, null, CancellationToken.None).ReadAllAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Year_IsWhatGetYearAnswers()
    {
        await InMassReviewWithOpinionsAsync();

        var year = await InScopeAsync(records => records.YearAsync(2026, CancellationToken.None));

        year.Should().NotBeNull().And.Be((await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year);
    }

    [Fact]
    public async Task Cycles_AreWhatGetCycleAnswers_ByStaffNumber_AndABranchsOnlyItsOwn()
    {
        await InMassReviewWithOpinionsAsync();

        var college = await InScopeAsync(records => records.CyclesAsync(2026, null, CancellationToken.None).ReadAllAsync());
        var b02 = await InScopeAsync(records => records.CyclesAsync(2026, "B02", CancellationToken.None).ReadAllAsync());

        college.Select(c => c.StaffNumber).Should().Equal("R2001", "T1002", "T1003", "T2001");
        foreach (var cycle in college)
        {
            cycle.Should().Be(WithoutPermittedActions(await CycleAsync(cycle.StaffNumber)));
        }

        // GetCycle names what the caller may do next; the records leave it out, as no document prints it.
        (await CycleAsync("T1002")).PermittedActions.Should().NotBeEmpty();
        college.Should().OnlyContain(c => c.PermittedActions.Count == 0);

        college.Single(c => c.StaffNumber == "T1002").Should().Match<Cycle>(c => c.Commitment.Length > 0 && c.History.Count > 0 && c.OpinionCount == 2 && c.Deadlines != null);
        b02.Select(c => c.StaffNumber).Should().Equal("T2001");
        b02[0].Should().Be(college[^1]);
    }

    [Fact]
    public async Task Cycles_OfMoreMembersThanAPage_StreamEveryOne_AsListCyclesPagesThem()
    {
        var extra = WorkflowRecords.PageSize + 10;
        var import = new ImportMembersRequest();
        import.Members.AddRange(Enumerable.Range(1, extra).Select(i => MembersFixtures.Registration($"P{i:D4}", "B02", name: $"党员{i}")));
        await Members.ImportMembersAsync(import);
        await OpenAsync();
        await CommitAsync("P0505");

        var cycles = await InScopeAsync(records => records.CyclesAsync(2026, null, CancellationToken.None).ReadAllAsync());

        cycles.Should().HaveCount(extra + 4).And.HaveCountGreaterThan(WorkflowRecords.PageSize);
        cycles.Select(c => c.StaffNumber).Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();
        // ListCycles maps without the history and the superseded determinations; everything else is the same.
        cycles.Select(WithoutHistory).Should().Equal((await ListedCyclesAsync()).Select(WithoutPermittedActions));
        cycles.Single(c => c.StaffNumber == "P0505").Should().Be(WithoutPermittedActions(await CycleAsync("P0505")));
    }

    [Fact]
    public async Task Standings_AreTheCyclesReduced_ByStaffNumber_AndABranchsOnlyItsOwn()
    {
        await InMassReviewWithOpinionsAsync();

        var standings = await InScopeAsync(records => records.StandingsAsync(2026, null, CancellationToken.None).ReadAllAsync());
        var b01 = await InScopeAsync(records => records.StandingsAsync(2026, "B01", CancellationToken.None).ReadAllAsync());

        var cycles = await InScopeAsync(records => records.CyclesAsync(2026, null, CancellationToken.None).ReadAllAsync());
        standings.Should().Equal(cycles.Select(c => new CycleStanding(
            c.StaffNumber, c.BranchCode, c.State, c.Commitment.Length > 0, c.CommitmentMissing,
            c.Declarations.Any(d => d.Half == HalfYear.First), c.FirstHalfDeclarationMissing,
            c.Declarations.Any(d => d.Half == HalfYear.Second), c.SecondHalfDeclarationMissing,
            Rating.Unspecified, string.Empty)));
        // By hand: only T1002 committed; everyone is in mass review; T1003, R2001 and T2001 missed the commitment.
        standings.Where(s => s.Committed).Select(s => s.StaffNumber).Should().Equal("T1002");
        standings.Where(s => s.CommitmentMissing).Select(s => s.StaffNumber).Should().Equal("R2001", "T1003", "T2001");
        standings.Should().OnlyContain(s => s.State == CycleState.MassReview);
        b01.Select(s => s.StaffNumber).Should().Equal("R2001", "T1002", "T1003");
        (await InScopeAsync(records => records.StandingsAsync(2027, null, CancellationToken.None).ReadAllAsync())).Should().BeEmpty("2027 is not opened");
    }

    [Fact]
    public async Task Opinions_AreWhatListOpinionsAnswers_OfABranch_AndOfEveryBranchBranchByBranch()
    {
        await InMassReviewWithOpinionsAsync();

        var b01 = await InScopeAsync(records => records.OpinionsAsync(2026, "B01", CancellationToken.None).ReadAllAsync());
        var college = await InScopeAsync(records => records.OpinionsAsync(2026, null, CancellationToken.None).ReadAllAsync());

        var listedB01 = (await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B01" })).Opinions;
        var listedB02 = (await Workflow.ListOpinionsAsync(new ListOpinionsRequest { Year = 2026, BranchCode = "B02" })).Opinions;
        b01.Should().Equal(listedB01);
        b01.Select(o => (o.StaffNumber, o.Author)).Should().Equal(("T1002", "学生代表"), ("T1002", string.Empty), ("T1003", "教师代表"));
        college.Should().Equal(listedB01.Concat(listedB02));
    }

    private async Task InMassReviewWithOpinionsAsync()
    {
        await OpenAsync();
        await CommitAsync("T1002");
        SetClock(2, 1);
        await AdvanceAsync(CycleState.SelfReport);
        await AdvanceAsync(CycleState.MassReview);
        await OpinionAsync("T1002", OpinionChannel.Forum, "备课认真", "学生代表");
        await OpinionAsync("T1002", OpinionChannel.SuggestionBox, "希望多辅导");
        await OpinionAsync("T2001", OpinionChannel.Online, "很负责");
        await OpinionAsync("T1003", OpinionChannel.Symposium, "作风扎实", "教师代表");
    }

    private Task<SubmitOpinionResponse> OpinionAsync(string staffNumber, OpinionChannel channel, string content, string author = "") =>
        Workflow.SubmitOpinionAsync(new SubmitOpinionRequest
        {
            Year = 2026, StaffNumber = staffNumber, Channel = channel, Content = content, Author = author, Anonymous = author.Length == 0,
            RequestId = $"{staffNumber}-{content}",
        }).ResponseAsync;

    private static Cycle WithoutPermittedActions(Cycle cycle)
    {
        var recorded = cycle.Clone();
        recorded.PermittedActions.Clear();
        return recorded;
    }

    private static Cycle WithoutHistory(Cycle cycle)
    {
        var listed = cycle.Clone();
        listed.History.Clear();
        listed.Determinations.Clear();
        return listed;
    }

    private async Task<List<Cycle>> ListedCyclesAsync()
    {
        var listed = new List<Cycle>();
        var token = string.Empty;
        do
        {
            var page = await Workflow.ListCyclesAsync(new ListCyclesRequest { Year = 2026, PageSize = 500, PageToken = token });
            listed.AddRange(page.Cycles);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return listed;
    }

    private async Task<T> InScopeAsync<T>(Func<IWorkflowRecords, Task<T>> read)
    {
        using var scope = Service.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<IWorkflowRecords>());
    }
}
