
namespace Chuangji.Workflow.Tests.Workflow.Schedule;

/// <summary>The schedule lives in Quartz's tables in the service's own SQLite file, created at first start.</summary>
public sealed class SchedulerStoreTests : ScheduleFixture
{
    protected override bool EmptyDatabase => true;

    [Fact]
    public async Task OpeningAYear_StoresATriggerForEachFutureMoment_AndACalendarChangeReplacesThem()
    {
        await OpenAsync();
        var opened = await TriggerTimesAsync();

        await Workflow.UpdateCalendarAsync(new V1.UpdateCalendarRequest { Year = 2026, Calendar = new V1.CalendarOverrides { MaterialsDue = "2026-11-25" } });
        var changed = await TriggerTimesAsync();

        // 24 moments of 2026, all after Jan 5; June 30 and Dec 31 20:00 each carry two checks: 22 distinct instants.
        opened.Should().HaveCount(22);
        opened.Should().Contain(Utc(2026, 2, 1, 0));
        changed.Should().HaveCount(22).And.Contain(Utc(2026, 11, 18, 9)).And.NotContain(Utc(2026, 11, 13, 9));
    }

    private static long Utc(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).UtcTicks;

    private async Task<List<long>> TriggerTimesAsync()
    {
        await using var connection = await Service.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT START_TIME FROM {Service.Database.Table("quartz", "QRTZ_TRIGGERS")} WHERE TRIGGER_GROUP = 'workflow-year-2026' ORDER BY START_TIME";
        var times = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            times.Add(reader.GetInt64(0));
        }

        return times;
    }
}
