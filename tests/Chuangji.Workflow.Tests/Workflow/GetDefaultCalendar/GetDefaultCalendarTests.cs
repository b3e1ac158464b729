using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Google.Rpc;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Workflow.GetDefaultCalendar;

/// <remarks>One host for the class: its tests only read.</remarks>
public sealed class GetDefaultCalendarTests(SharedService shared) : IClassFixture<SharedService>
{
    [Fact]
    public async Task GetDefaultCalendar_WhenYearIs2026_ReturnsTheDatesOf2026()
    {
        var service = shared.Service;
        var client = new WorkflowService.WorkflowServiceClient(service.Channel);

        var calendar = (await client.GetDefaultCalendarAsync(new GetDefaultCalendarRequest { Year = 2026 })).Calendar;

        calendar.Should().BeEquivalentTo(new
        {
            Year = 2026,
            TimeZone = "Asia/Shanghai",
            CommitmentDue = "2026-01-31",
            FirstHalfReportDue = "2026-07-10",
            SecondHalfReportDue = "2026-12-10",
            MassReviewCloses = "2026-12-17",
            PublicityDays = 5,
            DeterminationBy = "2026-12-31",
            MaterialsDue = "2026-11-20",
            QuarterlyChecks = new[] { "2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31" },
            HalfYearChecks = new[] { "2026-06-30", "2026-12-31" },
            ReminderDaysBefore = new[] { 7, 3, 1 },
        }, options => options.WithStrictOrdering());
    }

    [Fact]
    public async Task GetDefaultCalendar_WhenYearIs2101_IsInvalidArgumentNamingYear()
    {
        var service = shared.Service;
        var client = new WorkflowService.WorkflowServiceClient(service.Channel);

        var exception = await FluentActions.Awaiting(async () => await client.GetDefaultCalendarAsync(new GetDefaultCalendarRequest { Year = 2101 }))
            .Should().ThrowAsync<RpcException>();

        exception.Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
        var badRequest = exception.Which.GetRpcStatus()?.GetDetail<BadRequest>();
        badRequest.Should().NotBeNull();
        badRequest!.FieldViolations.Select(violation => (violation.Field, violation.Description))
            .Should().Equal(("year", "must be from 2000 to 2100, not 2101"));
    }
}
