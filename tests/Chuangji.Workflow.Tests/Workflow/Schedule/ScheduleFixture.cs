using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Workflow.Schedule;

/// <summary>
/// The real host with its Quartz scheduler on, on the fake clock: B01 (T1002, T1003, retired R2001) and
/// B02 (T2001), secretary T1001 for both; the clock at 2026-01-05 10:00 in Shanghai unless a test says otherwise.
/// </summary>
public abstract class ScheduleFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset January5 = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    protected virtual DateTimeOffset Start => January5;

    /// <summary>Whether the host starts on an empty file rather than a copy of the migrated template: for tests of the first start.</summary>
    protected virtual bool EmptyDatabase => false;

    protected TestService Service { get; private set; } = null!;

    protected WorkflowService.WorkflowServiceClient Workflow => new(Service.Channel);

    protected AssessmentService.AssessmentServiceClient Assessment => new(Service.Channel);

    protected ReminderService.ReminderServiceClient Reminders => new(Service.Channel);

    protected CheckReportService.CheckReportServiceClient Checks => new(Service.Channel);

    public async Task InitializeAsync()
    {
        if (EmptyDatabase)
        {
            Service = await TestService.StartAsync(TestService.WithScheduler, Start, emptyDatabase: true);
            await new MembersService.MembersServiceClient(Service.Channel).WithTestCollegeAsync();
        }
        else
        {
            Service = await TestService.StartSeededAsync(MembersFixtures.TestCollege(Start), TestService.WithScheduler);
        }
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    protected async Task OpenAsync()
    {
        await Workflow.OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });
        await Service.ScheduleCaughtUpAsync();
    }

    /// <summary>Moves the clock to a Shanghai moment of 2026 and waits until the schedule has done what fell due.</summary>
    protected async Task ClockToAsync(int month, int day, int hour, int minute = 5)
    {
        Service.Time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)));
        await Service.ScheduleCaughtUpAsync();
    }

    /// <summary>Runs the schedule's catch-up now, as a trigger or a restart would, for moments where no trigger is due.</summary>
    protected Task RunScheduleNowAsync() =>
        Service.Services.GetRequiredService<DueWorkRunner>().RunAsync(CancellationToken.None);

    protected Task CommitAsync(string staffNumber) =>
        Workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = staffNumber, Commitment = "带头完成教学任务", Actor = staffNumber }).ResponseAsync;

    protected async Task<Cycle> CycleAsync(string staffNumber) =>
        (await Workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = staffNumber })).Cycle;

    protected async Task<List<Reminder>> AllRemindersAsync() =>
        (await Reminders.ListRemindersAsync(new ListRemindersRequest { PageSize = 500 })).Reminders.ToList();

    protected async Task<List<string>> FactsOfKindAsync(string kind) =>
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, Kind = kind, PageSize = 500 })).Facts
        .Select(f => f.StaffNumber).Order(StringComparer.Ordinal).ToList();
}
