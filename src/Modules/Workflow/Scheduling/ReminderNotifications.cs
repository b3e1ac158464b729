using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>
/// On PostgreSQL, reminders stored by any instance wake this instance's reminder streams: <see cref="ReminderWriter"/>
/// sends NOTIFY in the transaction that stores them (delivered at its commit), and this listener turns each notification
/// into a local <see cref="ReminderSignal"/>. A lost connection is opened again, and the streams look once more, so a
/// notification missed meanwhile costs a read, never a reminder (the streams read by cursor, not by notification).
/// </summary>
internal sealed partial class ReminderNotifications(ServiceDatabase database, ReminderSignal signal, ILogger<ReminderNotifications> logger) : BackgroundService
{
    public const string Channel = "chuangji_reminders";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { KeepAlive = 15, Pooling = false }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = connection.CreateCommand())
                {
                    listen.CommandText = $"LISTEN {Channel}";
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.Notify();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                LogLost(logger, exception);
                await Task.Delay(Reconnect, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other instances' reminders stopped; listening again shortly (the streams still look every 30 s)")]
    private static partial void LogLost(ILogger logger, Exception exception);
}
