using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.Years;

public sealed class YearTests : WorkflowFixture
{
    [Fact]
    public async Task OpenYear_WhenDatesAreOverridden_UsesThemAndKeepsTheOtherDefaults()
    {
        var response = await Workflow.OpenYearAsync(new OpenYearRequest
        {
            Year = 2026,
            Calendar = new V1.CalendarOverrides { CommitmentDue = "2026-02-15", PublicityDays = 7 },
        });

        var calendar = response.Year.Calendar;
        (calendar.CommitmentDue, calendar.FirstHalfReportDue, calendar.PublicityDays, calendar.TimeZone).Should().Be(("2026-02-15", "2026-07-10", 7, "Asia/Shanghai"));
    }

    [Fact]
    public async Task OpenYear_WhenRepeated_ChangesNothing()
    {
        await OpenAsync();
        await CommitAsync("T1002");

        var again = await OpenAsync();

        again.Opened.Should().BeFalse();
        (await CycleAsync("T1002")).State.Should().Be(CycleState.SelfReport);
    }

    [Fact]
    public async Task OpenYear_WhenOpenWithAnotherCalendar_IsAlreadyExists()
    {
        await OpenAsync();

        var error = await Workflow.OpenYearAsync(new OpenYearRequest { Year = 2026, Calendar = new V1.CalendarOverrides { PublicityDays = 9 } })
            .ShouldFailWith(StatusCode.AlreadyExists);

        error.ViolatedFields().Should().Equal("calendar");
        (await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 })).Year.Calendar.PublicityDays.Should().Be(5);
    }

    [Theory]
    [InlineData("2026-07-20", null, "calendar.first_half_report_due", "must come after commitment_due (2026-07-20)")]
    [InlineData("2025-12-01", null, "calendar.commitment_due", "in 2026")]
    [InlineData(null, 0, "calendar.publicity_days", "must be from 1 to 30")]
    [InlineData(null, 15, "calendar.determination_by", "must leave the 15 days of publicity")]
    public async Task OpenYear_WhenOverridesBreakTheCalendar_IsInvalidArgumentAndOpensNothing(string? commitmentDue, int? publicityDays, string field, string rule)
    {
        var overrides = new V1.CalendarOverrides();
        if (commitmentDue is not null)
        {
            overrides.CommitmentDue = commitmentDue;
        }

        if (publicityDays is { } days)
        {
            overrides.PublicityDays = days;
        }

        var error = await Workflow.OpenYearAsync(new OpenYearRequest { Year = 2026, Calendar = overrides }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Contain(field);
        error.Status.Detail.Should().Contain(rule);
        await Workflow.GetYearAsync(new GetYearRequest { Year = 2026 }).ShouldFailWith(StatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateCalendar_WhenADateHasPassed_RefusesToMoveItButMovesTheRest()
    {
        await OpenAsync();
        SetClock(2, 10);

        var error = await Workflow.UpdateCalendarAsync(new UpdateCalendarRequest { Year = 2026, Calendar = new V1.CalendarOverrides { CommitmentDue = "2026-02-20" } })
            .ShouldFailWith(StatusCode.InvalidArgument);
        var moved = await Workflow.UpdateCalendarAsync(new UpdateCalendarRequest { Year = 2026, Calendar = new V1.CalendarOverrides { FirstHalfReportDue = "2026-07-15" } });

        error.Status.Detail.Should().Contain("was 2026-01-31, which has passed");
        moved.Year.Calendar.FirstHalfReportDue.Should().Be("2026-07-15");
        moved.Year.Calendar.CommitmentDue.Should().Be("2026-01-31");
    }

    [Fact]
    public async Task UpdateCalendar_WhenMovingADateIntoThePast_IsRefused()
    {
        await OpenAsync();
        SetClock(2, 10);

        var error = await Workflow.UpdateCalendarAsync(new UpdateCalendarRequest { Year = 2026, Calendar = new V1.CalendarOverrides { FirstHalfReportDue = "2026-02-09" } })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.Status.Detail.Should().Contain("must not be moved into the past");
    }

    [Fact]
    public async Task GetYear_WhenNotOpened_IsNotFoundNamingYear()
    {
        var error = await Workflow.GetYearAsync(new GetYearRequest { Year = 2027 }).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("year");
    }

    [Fact]
    public async Task MemberRegisteredWhileTheYearIsOpen_GetsACycle_AndATransferKeepsIt()
    {
        await OpenAsync();
        await Members.RegisterMemberAsync(new RegisterMemberRequest { Member = MembersFixtures.Registration("T1009", "B02", name: "新党员") });
        await CommitAsync("T1002");
        await Members.TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02" });

        var b02 = await Workflow.ListCyclesAsync(new ListCyclesRequest { Year = 2026, BranchCode = "B02" });

        b02.Cycles.Select(c => (c.StaffNumber, c.State)).Should().Equal(
            ("T1002", CycleState.SelfReport), ("T1009", CycleState.Commitment), ("T2001", CycleState.Commitment));
    }

    [Fact]
    public async Task ListCycles_WhenFilteredByStateAndPaged_VisitsEachMatchingCycleOnce()
    {
        await OpenAsync();
        await CommitAsync("T1003");

        var first = await Workflow.ListCyclesAsync(new ListCyclesRequest { Year = 2026, State = CycleState.Commitment, PageSize = 2 });
        var second = await Workflow.ListCyclesAsync(new ListCyclesRequest { Year = 2026, State = CycleState.Commitment, PageSize = 2, PageToken = first.NextPageToken });

        first.Cycles.Concat(second.Cycles).Select(c => c.StaffNumber).Should().Equal("R2001", "T1002", "T2001");
        second.NextPageToken.Should().BeEmpty();
        first.Cycles.Should().OnlyContain(c => c.History.Count == 0, "lists leave the history to GetCycle");
    }
}
