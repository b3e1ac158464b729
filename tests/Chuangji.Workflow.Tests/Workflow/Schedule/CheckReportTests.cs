using Chuangji.Assessment.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.Schedule;

public sealed class CheckReportTests : ScheduleFixture
{
    [Fact]
    public async Task QuarterlyCheck_ReportsPerBranchWhatIsMissing_AndRemindsTheSecretary()
    {
        await OpenAsync();
        foreach (var member in new[] { "T1002", "T1003", "R2001", "T2001" })
        {
            await CommitAsync(member);
        }

        await ClockToAsync(3, 20, 10);
        await RecordAsync("T1002", "THOUGHT_REPORT", "2026-02-10");
        await RecordAsync("T1003", "MEETING_LATE", "2026-03-03");
        await RecordAsync("T2001", "THOUGHT_REPORT", "2025-12-20");

        await ClockToAsync(3, 31, 20);

        var reports = (await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026, Kind = CheckKind.Quarterly })).Reports;
        reports.Select(r => (r.BranchCode, r.Period, r.PeriodStart, r.PeriodEnd)).Should().Equal(
            ("B01", "2026-Q1", "2026-01-01", "2026-03-31"), ("B02", "2026-Q1", "2026-01-01", "2026-03-31"));
        var b01 = (await Checks.GetCheckReportAsync(new GetCheckReportRequest { Id = reports[0].Id })).Report;
        b01.Findings.Select(f => (f.StaffNumber, f.NoFacts, f.NoThoughtReport, f.OverdueSelfReports.Count)).Should().Equal(
            ("R2001", true, true, 0), ("T1003", false, true, 0));
        b01.Branches.Should().ContainSingle().Which.Should().Be(new BranchTally { BranchCode = "B01", Members = 3, WithoutFacts = 1, WithoutThoughtReport = 2 });
        var notices = (await AllRemindersAsync()).Where(r => r.Kind == ReminderKind.CheckFindings).ToList();
        notices.Select(n => (n.BranchCode, n.StaffNumber, n.Deadline)).Should().Equal(("B01", "T1001", "2026-03-31"), ("B02", "T1001", "2026-03-31"));
        notices[0].Message.Should().Be("【先锋创绩】支部 B01：2026年第1季度检查发现1名党员本季度无登记事项，2名未交思想汇报，0名述绩逾期，详见检查报告。");
    }

    [Fact]
    public async Task OpeningAYearLate_ClosesThePassedPhasesAtOnceWithoutPenalty_KeepsThePassedChecks_AndRemindsOfNothingPassed()
    {
        Service.Time.SetUtcNow(new DateTimeOffset(2026, 8, 3, 10, 0, 0, TimeSpan.FromHours(8)));

        var opened = await Workflow.OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });
        await Service.ScheduleCaughtUpAsync();

        // domain.md §9: the commitment (01-31) and H1 (07-10) deadlines had passed; nobody could act in the service.
        opened.Year.ClosedWithoutPenalty.Select(c => (c.Deadline, c.DueOn, c.ClosedTo, c.ClosedToSubState)).Should().Equal(
            ("commitment_due", "2026-01-31", CycleState.SelfReport, CycleSubState.FirstHalf),
            ("first_half_report_due", "2026-07-10", CycleState.SelfReport, CycleSubState.SecondHalf));
        var cycle = await CycleAsync("T1003");
        (cycle.State, cycle.SubState, cycle.CommitmentMissing, cycle.FirstHalfDeclarationMissing).Should().Be((CycleState.SelfReport, CycleSubState.SecondHalf, false, false));
        cycle.History.Select(t => (t.Trigger, t.Note)).Should().Equal(
            ("CloseCommitmentPhase", "the deadline had passed when the year was opened: closed without penalty"),
            ("CloseFirstHalf", "the deadline had passed when the year was opened: closed without penalty"));
        (await FactsOfKindAsync("NO_COMMITMENT")).Should().BeEmpty("nobody could commit before the year was opened");
        (await Assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1003", Year = 2026 })).Scorecard.Items
            .Single(i => i.Code == "ACHIEVEMENT").Score.Should().Be("16");
        (await AllRemindersAsync()).Should().BeEmpty("nothing is reminded of a deadline or a check that has passed");
        var reports = (await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026 })).Reports;
        reports.Select(r => (r.Kind, r.Period, r.BranchCode)).Should().Equal(
            (CheckKind.Quarterly, "2026-Q1", "B01"), (CheckKind.Quarterly, "2026-Q1", "B02"),
            (CheckKind.Quarterly, "2026-Q2", "B01"), (CheckKind.Quarterly, "2026-Q2", "B02"),
            (CheckKind.HalfYear, "2026-H1", ""));
        reports[0].Branches.Single().WithoutFacts.Should().Be(3, "a NO_COMMITMENT the scheme recorded is not the branch registering anything");
    }

    [Fact]
    public async Task HalfYearCheck_SummarisesEveryBranch_WithOverdueSelfReports()
    {
        await OpenAsync();
        await CommitAsync("T1002");
        await Workflow.SubmitDeclarationAsync(new SubmitDeclarationRequest { Year = 2026, StaffNumber = "T1002", Half = HalfYear.First, Content = "述绩", Actor = "T1002" });

        await ClockToAsync(12, 31, 20);

        var college = (await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026, Kind = CheckKind.HalfYear })).Reports;
        college.Select(r => r.Period).Should().Equal("2026-H1", "2026-H2");
        var h2 = (await Checks.GetCheckReportAsync(new GetCheckReportRequest { Id = college[1].Id })).Report;
        h2.Branches.Select(b => (b.BranchCode, b.Members, b.OverdueSelfReports)).Should().Equal(("B01", 3, 3), ("B02", 1, 1));
        var q4 = (await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Year = 2026, BranchCode = "B01", Kind = CheckKind.Quarterly })).Reports.Last();
        var t1002 = (await Checks.GetCheckReportAsync(new GetCheckReportRequest { Id = q4.Id })).Report.Findings.Single(f => f.StaffNumber == "T1002");
        t1002.OverdueSelfReports.Should().Equal("H2");
    }

    [Fact]
    public async Task GetCheckReport_WhenUnknown_IsNotFound_AndListRefusesAnUnknownKind()
    {
        await OpenAsync();

        (await Checks.GetCheckReportAsync(new GetCheckReportRequest { Id = 42 }).ShouldFailWith(StatusCode.NotFound)).ViolatedFields().Should().Equal("id");
        (await Checks.ListCheckReportsAsync(new ListCheckReportsRequest { Kind = (CheckKind)9 }).ShouldFailWith(StatusCode.InvalidArgument))
            .ViolatedFields().Should().Equal("kind");
    }

    private Task RecordAsync(string staffNumber, string kind, string occurredOn) =>
        Assessment.RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = staffNumber, Kind = kind, OccurredOn = occurredOn, Count = 1, RequestId = $"{staffNumber}-{kind}-{occurredOn}" },
        }).ResponseAsync;
}
