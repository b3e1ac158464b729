using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Workflow.Schedule;

public sealed class ReminderTests : ScheduleFixture
{
    [Fact]
    public async Task CommitmentReminders_GoSevenThreeAndOneDayBefore_OnlyToMembersWhoHaveNotCommitted()
    {
        await OpenAsync();

        await ClockToAsync(1, 24, 9);
        await CommitAsync("T1002");
        await ClockToAsync(1, 28, 9);
        await CommitAsync("T1003");
        await ClockToAsync(1, 30, 9);

        var reminders = (await AllRemindersAsync()).Where(r => r.Kind == ReminderKind.CommitmentDue).ToList();
        reminders.Select(r => (r.DaysBefore, r.StaffNumber)).Should().Equal(
            (7, "R2001"), (7, "T1002"), (7, "T1003"), (7, "T2001"),
            (3, "R2001"), (3, "T1003"), (3, "T2001"),
            (1, "R2001"), (1, "T2001"));
        reminders.Should().OnlyContain(r => r.Recipient == ReminderRecipient.Member && r.Deadline == "2026-01-31" && r.Year == 2026);
        reminders.First(r => r.StaffNumber == "T1002").BranchCode.Should().Be("B01");
        reminders.First(r => r.DaysBefore == 3).Message.Should().Be("【先锋创绩】请于2026年1月31日前提交2026年度公开承诺（还有3天）。");
    }

    [Fact]
    public async Task ARepeatedSweep_OrARestart_MakesNoReminderTwice()
    {
        await OpenAsync();
        await ClockToAsync(1, 24, 9);
        var first = await AllRemindersAsync();

        await RunScheduleNowAsync();
        await Service.RestartAsync();
        await Service.ScheduleCaughtUpAsync();

        (await AllRemindersAsync()).Select(r => r.Id).Should().Equal(first.Select(r => r.Id));
        first.Should().HaveCount(4);
    }

    [Fact]
    public async Task AfterDowntime_OnlyTheLatestDueReminderOfADeadlineThatHasNotPassedIsMade()
    {
        await OpenAsync();

        await Service.RestartAsync(clockWhileDown: new DateTimeOffset(2026, 1, 29, 9, 0, 0, TimeSpan.FromHours(8)));
        await Service.ScheduleCaughtUpAsync();

        (await AllRemindersAsync()).Select(r => r.DaysBefore).Distinct().Should().Equal(3);
    }

    [Fact]
    public async Task MaterialsAndBranchMeetingReminders_GoToEachBranchSecretary()
    {
        await OpenAsync();

        await ClockToAsync(11, 13, 9);

        var reminders = (await AllRemindersAsync()).Where(r => r.Kind == ReminderKind.MaterialsDue).ToList();
        reminders.Select(r => (r.Recipient, r.BranchCode, r.StaffNumber, r.DaysBefore)).Should().Equal(
            (ReminderRecipient.BranchSecretary, "B01", "T1001", 7), (ReminderRecipient.BranchSecretary, "B02", "T1001", 7));
        reminders[0].Message.Should().Be("【先锋创绩】支部 B01：请于2026年11月20日前完成五个环节材料的整理汇集（还有7天）。");
    }

    [Fact]
    public async Task WatchReminders_ResumedFromTheLastIdSeen_MissesNothingAndRepeatsNothing()
    {
        await OpenAsync();
        await ClockToAsync(1, 24, 9);
        var seen = new List<long>();

        using (var first = Reminders.WatchReminders(new WatchRemindersRequest()))
        {
            for (var i = 0; i < 2 && await first.ResponseStream.MoveNext(CancellationToken.None); i++)
            {
                seen.Add(first.ResponseStream.Current.Reminder.Id);
            }
        }

        // The stream is open across four days of the clock: its token must live that long.
        using var bridge = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.System, "messaging-bridge", null, [SystemScopes.Reminders], TimeSpan.FromDays(30))));
        using var resumed = new ReminderService.ReminderServiceClient(bridge).WatchReminders(new WatchRemindersRequest { AfterId = seen[^1] });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 2; i++)
        {
            (await resumed.ResponseStream.MoveNext(timeout.Token)).Should().BeTrue();
            seen.Add(resumed.ResponseStream.Current.Reminder.Id);
        }

        var arriving = resumed.ResponseStream.MoveNext(timeout.Token);
        await ClockToAsync(1, 28, 9);
        (await arriving).Should().BeTrue("a reminder made while the stream is open arrives on it");
        seen.Add(resumed.ResponseStream.Current.Reminder.Id);
        for (var i = 0; i < 3; i++)
        {
            (await resumed.ResponseStream.MoveNext(timeout.Token)).Should().BeTrue();
            seen.Add(resumed.ResponseStream.Current.Reminder.Id);
        }

        seen.Should().Equal((await AllRemindersAsync()).Select(r => r.Id));
        seen.Should().HaveCount(8).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task AckReminder_MarksItDeliveredOnce_AndBadIdsAreRefused()
    {
        await OpenAsync();
        await ClockToAsync(1, 24, 9);
        var reminder = (await AllRemindersAsync())[0];

        using var bridge = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.System, "messaging-bridge", null, [SystemScopes.Reminders], TimeSpan.FromHours(1))));
        var feed = new ReminderService.ReminderServiceClient(bridge);
        var acked = (await feed.AckReminderAsync(new AckReminderRequest { Id = reminder.Id, DeliveredBy = "ignored" })).Reminder;
        Service.Time.Advance(TimeSpan.FromMinutes(1));
        var again = (await Reminders.AckReminderAsync(new AckReminderRequest { Id = reminder.Id })).Reminder;
        var undelivered = (await Reminders.ListRemindersAsync(new ListRemindersRequest { UndeliveredOnly = true })).Reminders;

        (acked.DeliveredBy, acked.DeliveredAt).Should().Be(("messaging-bridge", again.DeliveredAt));
        again.DeliveredBy.Should().Be("messaging-bridge");
        undelivered.Select(r => r.Id).Should().NotContain(reminder.Id).And.HaveCount(3);
        (await Reminders.AckReminderAsync(new AckReminderRequest { Id = 999 }).ShouldFailWith(StatusCode.NotFound)).ViolatedFields().Should().Equal("id");
        (await Reminders.AckReminderAsync(new AckReminderRequest { Id = 0 }).ShouldFailWith(StatusCode.InvalidArgument)).ViolatedFields().Should().Equal("id");
    }

    [Fact]
    public async Task ListReminders_PagesThroughEachOnce_AndATokenBelongsToItsFilters()
    {
        await OpenAsync();
        await ClockToAsync(1, 24, 9);
        await ClockToAsync(1, 28, 9);
        var pages = new List<IReadOnlyList<long>>();
        var token = string.Empty;

        do
        {
            var page = await Reminders.ListRemindersAsync(new ListRemindersRequest { Year = 2026, PageSize = 3, PageToken = token });
            pages.Add(page.Reminders.Select(r => r.Id).ToList());
            token = page.NextPageToken;
        }
        while (token.Length > 0 && pages.Count < 10);

        pages.Select(p => p.Count).Should().Equal(3, 3, 2);
        pages.SelectMany(p => p).Should().Equal((await AllRemindersAsync()).Select(r => r.Id));
        var second = (await Reminders.ListRemindersAsync(new ListRemindersRequest { Year = 2026, PageSize = 3 })).NextPageToken;
        (await Reminders.ListRemindersAsync(new ListRemindersRequest { Year = 2026, BranchCode = "B01", PageToken = second }).ShouldFailWith(StatusCode.InvalidArgument))
            .ViolatedFields().Should().Equal("page_token");
    }

    [Fact]
    public async Task AStream_EndsUnauthenticatedWhenItsTokenExpires_SayingSo()
    {
        await OpenAsync();
        using var bridge = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.System, "messaging-bridge", null, [SystemScopes.Reminders], TimeSpan.FromHours(1))));
        using var stream = new ReminderService.ReminderServiceClient(bridge).WatchReminders(new WatchRemindersRequest());
        await stream.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        var next = stream.ResponseStream.MoveNext(CancellationToken.None);

        Service.Time.Advance(TimeSpan.FromHours(2));

        var ended = await next.ContinueWith(t => t.Exception?.InnerException).WaitAsync(TimeSpan.FromSeconds(30));
        var refusal = ended.Should().BeOfType<RpcException>("the stream ends when its token expires").Subject;
        refusal.StatusCode.Should().Be(StatusCode.Unauthenticated);
        refusal.Status.Detail.Should().StartWith("the token expired at 2026-01-05T03:00:00Z: renew it and resume");
    }

    [Fact]
    public async Task AStream_SendsItsHeadersAtOnce_AndEndsUnavailableWhenTheServiceStops()
    {
        await OpenAsync();
        using var stream = Reminders.WatchReminders(new WatchRemindersRequest());
        await stream.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));
        var next = stream.ResponseStream.MoveNext(CancellationToken.None);

        Service.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        var ended = await next.ContinueWith(t => t.Exception?.InnerException).WaitAsync(TimeSpan.FromSeconds(30));
        var refusal = ended.Should().BeOfType<RpcException>().Subject;
        refusal.StatusCode.Should().Be(StatusCode.Unavailable, "a stopping service is not a finished stream: the client retries");
        refusal.Status.Detail.Should().Be("the service is stopping: reconnect and resume after id 0");
    }
}
