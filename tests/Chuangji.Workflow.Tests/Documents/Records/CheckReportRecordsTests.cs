using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.Tests.Workflow.Schedule;
using Chuangji.Workflow.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Documents.Records;

/// <summary>
/// The check reports the documents read are what ListCheckReports answers. The year is opened on 2026-08-03, so the
/// schedule makes the passed checks at once: Q1 and Q2 for B01 and B02, and the college's H1 report.
/// </summary>
public sealed class CheckReportRecordsTests : ScheduleFixture
{
    [Fact]
    public async Task CheckReports_AreWhatGetCheckReportAnswers_InListCheckReportsOrder_ABranchsOwn_AndEveryReportWithTheCollegesWhenNoBranch()
    {
        Service.Time.SetUtcNow(new DateTimeOffset(2026, 8, 3, 10, 0, 0, TimeSpan.FromHours(8)));
        await OpenAsync();

        using var scope = Service.Services.CreateScope();
        var records = scope.ServiceProvider.GetRequiredService<IWorkflowRecords>();
        var b01 = await records.CheckReportsAsync(2026, "B01", CancellationToken.None).ReadAllAsync();
        var college = await records.CheckReportsAsync(2026, null, CancellationToken.None).ReadAllAsync();

        b01.Should().Equal(await WithFindingsAsync((await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026, BranchCode = "B01" })).Reports));
        b01.Should().Contain(r => r.Findings.Count > 0, "the members with something missing come with the report");
        b01.Select(r => (r.Period, r.BranchCode)).Should().Equal(("2026-Q1", "B01"), ("2026-Q2", "B01"));
        college.Should().Equal(await WithFindingsAsync((await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026 })).Reports));
        college.Select(r => (r.Period, r.BranchCode)).Should().Equal(
            ("2026-Q1", "B01"), ("2026-Q1", "B02"), ("2026-Q2", "B01"), ("2026-Q2", "B02"), ("2026-H1", ""));
    }

    private async Task<List<CheckReport>> WithFindingsAsync(IEnumerable<CheckReport> listed)
    {
        var reports = new List<CheckReport>();
        foreach (var report in listed)
        {
            reports.Add((await Checks.GetCheckReportAsync(new GetCheckReportRequest { Id = report.Id })).Report);
        }

        return reports;
    }
}
