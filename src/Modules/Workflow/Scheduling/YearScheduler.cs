using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>
/// Puts a year's moments in the Host's persistent Quartz store, one trigger per future moment (a
/// calendar change replaces them), and fires a catch-up at once for whatever is already due. Without a
/// scheduler in the Host (switched off by configuration) it does nothing.
/// </summary>
internal sealed class YearScheduler(IServiceProvider services, CollegeClock clock)
{
    /// <summary>Opening, a calendar change and start-up may schedule the same year at once: one at a time.</summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task ScheduleAsync(WorkflowYear year, CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return;
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var group = GroupOf(year.Year);
        var now = clock.UtcNow;
        var moments = YearSchedule.For(year, TimeZoneInfo.FindSystemTimeZoneById(year.TimeZone)).Select(e => e.At).Where(at => at > now).Distinct().ToList();
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(group), cancellationToken);
            foreach (var at in moments)
            {
                var trigger = TriggerBuilder.Create()
                    .WithIdentity(at.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture), group)
                    .ForJob(DueWorkJob.Key)
                    .StartAt(at)
                    .Build();
                await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
            }
        }
        finally
        {
            OneAtATime.Release();
        }

        await scheduler.TriggerJob(DueWorkJob.Key, cancellationToken);
    }

    private static string GroupOf(int year) => string.Create(CultureInfo.InvariantCulture, $"workflow-year-{year}");
}
