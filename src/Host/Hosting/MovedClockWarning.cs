using System.Globalization;

namespace Chuangji.Workflow.Host.Hosting;

/// <summary>Says at start, as a warning, that the service runs on a moved clock.</summary>
internal sealed partial class MovedClockWarning(MovedClock clock, ILogger<MovedClockWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var offset = TimeSpan.FromSeconds(Math.Round(clock.Offset.TotalSeconds));
        LogMoved(logger, clock.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), offset.ToString("c", CultureInfo.InvariantCulture), ServiceClock.StartSetting);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The service clock is moved: it started at {Start} and runs forward in real time, {Offset} from the system clock ({Setting}, Development only)")]
    private static partial void LogMoved(ILogger logger, string start, string offset, string setting);
}
