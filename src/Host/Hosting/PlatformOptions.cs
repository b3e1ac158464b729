using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Host.Hosting;

/// <summary>The settings under "Chuangji" in configuration (appsettings.json, CHUANGJI__* variables, --Chuangji:Key=value).</summary>
internal sealed class PlatformOptions
{
    public const string Section = "Chuangji";

    /// <summary>Where the SQLite file lives when ConnectionStrings:Chuangji is not set. Default: the user's local application data.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>IANA time zone of the college's calendar.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Where the seed data lives. Default: seeds/ beside the binaries.</summary>
    public string? SeedsDirectory { get; set; }

    /// <summary>Load the demo college at start-up (idempotent); `--seed-demo` sets it.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Serve gRPC server reflection (for buf curl and grpcurl).</summary>
    public bool EnableReflection { get; set; } = true;

    /// <summary>Which database the service keeps its data in.</summary>
    public DatabaseSettings Database { get; set; } = new();

    /// <summary>The Quartz scheduler of deadlines, reminders and checks (its schedule is kept in the same SQLite file).</summary>
    public SchedulerSettings Scheduler { get; set; } = new();

    /// <summary>Bearer tokens: the key they are signed with, who issues them and for whom.</summary>
    public AuthSettings Auth { get; set; } = new();

    /// <summary>Development only: the service clock moved, to walk a year without waiting for it.</summary>
    public ClockSettings Clock { get; set; } = new();

    public string ResolveDataDirectory() =>
        string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "chuangji-workflow")
            : DataDirectory;

    public string ResolveSeedsDirectory() =>
        string.IsNullOrWhiteSpace(SeedsDirectory) ? Path.Combine(AppContext.BaseDirectory, "seeds") : SeedsDirectory;
}

/// <summary>The settings under "Chuangji:Database".</summary>
internal sealed class DatabaseSettings
{
    /// <summary>Sqlite (the default: one file in the data directory, no server) or PostgreSql (ConnectionStrings:Chuangji names the server).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary>The settings under "Chuangji:Scheduler".</summary>
internal sealed class SchedulerSettings
{
    /// <summary>Off: nothing is scheduled or fired (deadlines are then closed only by AdvancePhase).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>The settings under "Chuangji:Auth".</summary>
internal sealed class AuthSettings
{
    /// <summary>Base64 of at least 32 random bytes. Empty: a development key generated at first start in the data directory.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public string Issuer { get; set; } = "chuangji-workflow";

    public string Audience { get; set; } = "chuangji-workflow";

    /// <summary>Where people reach the service, for the sign-in links it prints (https://chuangji.example.edu.cn behind a proxy). Empty: the HTTP endpoint's URL.</summary>
    public string PublicUrl { get; set; } = string.Empty;
}

/// <summary>The settings under "Chuangji:Clock"; refused outside the Development environment.</summary>
internal sealed class ClockSettings
{
    /// <summary>
    /// An ISO 8601 instant with its offset (2026-02-01T00:00:00+08:00): the service clock reads it at start and
    /// runs forward in real time from there. Empty: the system clock.
    /// </summary>
    public string Start { get; set; } = string.Empty;
}
