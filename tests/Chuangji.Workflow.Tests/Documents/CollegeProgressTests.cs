using System.Globalization;
using System.Net;
using System.Text.Json;
using Chuangji.Assessment.V1;
using Chuangji.Documents.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>
/// GetCollegeProgress: every branch's progress as figures, the overview's branch table over gRPC and HTTP/JSON. The
/// college of <see cref="DocumentsCollege"/> (B01: T1002, T1003, retired R2001; B02: T2001), first read at publicity,
/// then taken to the year's end as <see cref="YearEndDocumentsTests"/> takes it:
/// <list type="bullet">
/// <item>At publicity (12-18): all four cycles in 亮绩. T1002 and T1003 committed, R2001 and T2001 did not; T1002 and
/// T1003 declared the first half, R2001 and T2001 are missing it; only T1002 declared the second half. Suggested:
/// T1002 优秀 (99), T1003 合格 (89), R2001 不合格 (vetoed, 86), T2001 合格 (76). None determined. B01's average
/// (99 + 89 + 86) / 3 = 91.3; the college's (274 + 76) / 4 = 87.5.</item>
/// <item>At the year's end: T1003's objection upheld (91, eligible for 优秀); determined T1002 优秀, T1003 合格,
/// R2001 不合格, T2001 基本合格; every outcome applied, so all four are 已结束. B01's average (99 + 91 + 86) / 3 =
/// 92.0, the college's 88.0; T1002's absence of 12-25 does not move the frozen 99.</item>
/// </list>
/// </summary>
public sealed class CollegeProgressTests : IAsyncLifetime
{
    private TestService _service = null!;

    private DocumentService.DocumentServiceClient Documents => new(_service.Channel);

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_service);
        await DocumentsCollege.EnterPublicityAsync(_service);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task AtPublicity_EveryBranchIsCounted_AndTheCollegeAddsThemUp()
    {
        var progress = await Documents.GetCollegeProgressAsync(new GetCollegeProgressRequest { Year = 2026 });

        progress.Branches.Select(b => b.BranchCode).Should().Equal("B01", "B02");
        Figures(progress.Branches[0]).Should().Equal("B01", "支部 B01", "3", "0", "0", "0", "3", "0", "0", "0", "2", "1", "2", "1", "1", "2", "1", "1", "0", "1", "0", "0", "0", "0", "91.3");
        Figures(progress.Branches[1]).Should().Equal("B02", "支部 B02", "1", "0", "0", "0", "1", "0", "0", "0", "0", "1", "0", "1", "0", "1", "0", "1", "0", "0", "0", "0", "0", "0", "76.0");
        Figures(progress.College).Should().Equal("", "全院", "4", "0", "0", "0", "4", "0", "0", "0", "2", "2", "2", "2", "1", "3", "1", "2", "0", "1", "0", "0", "0", "0", "87.5");
        progress.AsOf.ToDateTimeOffset().Should().Be(_service.Time.GetUtcNow());
    }

    [Fact]
    public async Task AtTheYearsEnd_TheFiguresAreTheOverviewsBranchTable()
    {
        await DocumentsCollege.WalkToTheYearsEndAsync(_service);

        var progress = await Documents.GetCollegeProgressAsync(new GetCollegeProgressRequest { Year = 2026 });

        Figures(progress.Branches[0]).Should().Equal("B01", "支部 B01", "3", "0", "0", "0", "0", "0", "0", "3", "2", "1", "2", "1", "1", "2", "2", "0", "0", "1", "1", "1", "0", "1", "92.0");
        Figures(progress.Branches[1]).Should().Equal("B02", "支部 B02", "1", "0", "0", "0", "0", "0", "0", "1", "0", "1", "0", "1", "0", "1", "0", "1", "0", "0", "0", "0", "1", "0", "76.0");
        Figures(progress.College).Should().Equal("", "全院", "4", "0", "0", "0", "0", "0", "0", "4", "2", "2", "2", "2", "1", "3", "2", "1", "0", "1", "1", "1", "1", "1", "88.0");
        progress.College.Cycles.Select(c => c.State).Should().Equal(
            CycleState.Commitment, CycleState.SelfReport, CycleState.MassReview, CycleState.Publicity, CycleState.Determination, CycleState.Application, CycleState.Closed);
        progress.College.Suggested.Select(s => s.Rating).Should().Equal(Rating.Excellent, Rating.Qualified, Rating.BasicallyQualified, Rating.Unqualified);

        // The same tallies as the workbook: every count equal, the average the same number (the workbook writes 92.0 as 92).
        var overview = await Download.FromGrpcAsync(Documents.GetCollegeOverview(new GetCollegeOverviewRequest { Year = 2026 }), r => r.Chunk);
        var rows = ReadBack.Sheet(overview.Bytes, "各支部概况");
        foreach (var (branch, key) in new[] { (progress.Branches[0], "B01"), (progress.Branches[1], "B02"), (progress.College, "合计") })
        {
            var row = ReadBack.RowWith(rows, key);
            Figures(branch)[2..^1].Should().Equal(row[2..^1], $"{key} counts as the overview counts");
            decimal.Parse(branch.AverageTotal, CultureInfo.InvariantCulture).Should().Be(decimal.Parse(row[^1], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task OverHttp_TheLeadershipGroupReadsItsRoute_AsJson()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(TestService.Leadership));
        using var response = await http.GetAsync(new Uri("/v1/years/2026/progress", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var b01 = body.GetProperty("branches")[0];
        b01.GetProperty("branchCode").GetString().Should().Be("B01");
        b01.GetProperty("members").GetInt32().Should().Be(3);
        b01.GetProperty("cycles")[3].GetProperty("state").GetString().Should().Be("CYCLE_STATE_PUBLICITY");
        b01.GetProperty("cycles")[3].GetProperty("cycles").GetInt32().Should().Be(3);
        b01.GetProperty("suggested")[0].GetProperty("rating").GetString().Should().Be("RATING_EXCELLENT");
        b01.GetProperty("averageTotal").GetString().Should().Be("91.3");
        body.GetProperty("college").GetProperty("members").GetInt32().Should().Be(4);
    }

    [Fact]
    public async Task AYearNotOpened_IsRefusedAsTheOverviewRefusesIt_AndAMemberIsDenied()
    {
        var progress = await Documents.GetCollegeProgressAsync(new GetCollegeProgressRequest { Year = 2030 }).ShouldFailWith(StatusCode.NotFound);
        var overview = await Download.FromGrpcAsync(Documents.GetCollegeOverview(new GetCollegeOverviewRequest { Year = 2030 }), r => r.Chunk).ShouldFailWith(StatusCode.NotFound);
        progress.Status.Detail.Should().Contain("year '2030' does not exist").And.Be(overview.Status.Detail);

        using var member = _service.ChannelWith(_service.TokenFor(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.FromHours(1))));
        await new DocumentService.DocumentServiceClient(member).GetCollegeProgressAsync(new GetCollegeProgressRequest { Year = 2026 }).ShouldFailWith(StatusCode.PermissionDenied);
        using var secretary = _service.ChannelWith(_service.TokenFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromHours(1))));
        await new DocumentService.DocumentServiceClient(secretary).GetCollegeProgressAsync(new GetCollegeProgressRequest { Year = 2026 }).ShouldFailWith(StatusCode.PermissionDenied);
    }

    /// <summary>Code, name, members, the seven phases, the six commitment and declaration counts, suggested and determined by rating, the average.</summary>
    private static string[] Figures(BranchProgress branch) =>
    [
        branch.BranchCode, branch.Name, Count(branch.Members),
        .. branch.Cycles.Select(c => Count(c.Cycles)),
        .. new[] { branch.Committed, branch.CommitmentsMissing, branch.FirstHalfDeclared, branch.FirstHalfMissing, branch.SecondHalfDeclared, branch.SecondHalfMissing }.Select(Count),
        .. branch.Suggested.Select(s => Count(s.Members)),
        .. branch.Determined.Select(d => Count(d.Members)),
        branch.AverageTotal,
    ];

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
