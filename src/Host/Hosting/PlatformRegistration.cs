using System.Text.Encodings.Web;
using System.Text.Unicode;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Host.Audit;
using Chuangji.Workflow.Host.Pages;
using Chuangji.Workflow.Host.Pages.Sheets;
using Chuangji.Workflow.Host.Database;
using Chuangji.Workflow.Host.Errors;
using Chuangji.Workflow.Host.Http;
using Chuangji.Workflow.Host.Grpc;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Host.Security.SignIn;
using Chuangji.Workflow.Host.Seeding;
using Chuangji.Workflow.Host.Telemetry;
using Chuangji.Workflow.BuildingBlocks.Http;
using Chuangji.Workflow.Modules.Assessment;
using Chuangji.Workflow.Modules.Documents;
using Chuangji.Workflow.Modules.Members;
using Chuangji.Workflow.Modules.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;

namespace Chuangji.Workflow.Host.Hosting;

/// <summary>What the Host owns: the clock, the database file, gRPC with its one interceptor, health and reflection.</summary>
internal static class PlatformRegistration
{
    /// <summary>Where ASP.NET Core logs each health check's result, an unhealthy one as an error.</summary>
    public const string HealthCheckResultsCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        var services = builder.Services;

        services.AddSingleton(options);
        services.AddMetrics();
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<RpcMetricsInterceptor>();
        builder.AddOpenTelemetryWhenConfigured();
        var clock = ServiceClock.Resolve(options.Clock, builder.Environment, TimeProvider.System);
        services.TryAddSingleton(clock);
        if (clock is MovedClock moved)
        {
            services.AddSingleton(moved);
            services.AddHostedService<MovedClockWarning>();
            MovedClockRecord.Write(options.ResolveDataDirectory(), moved);
        }

        services.AddSingleton(provider => new CollegeClock(
            provider.GetRequiredService<TimeProvider>(), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)));
        services.AddSingleton(new SeedDirectory(options.ResolveSeedsDirectory()));
        var database = ResolveDatabase(builder.Configuration, options);
        services.AddSingleton(database);

        builder.AddBearerTokens(options);
        builder.AddSessions(options);
        // Outermost first: refusals of the authorization are mapped like every other refusal, and the measure of a
        // call sees the status its caller receives.
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MessageLimits.MaxRequestBytes;
            grpc.MaxSendMessageSize = MessageLimits.MaxResponseBytes;
            grpc.Interceptors.Add<RpcMetricsInterceptor>();
            grpc.Interceptors.Add<DomainErrorInterceptor>();
            grpc.Interceptors.Add<AuditInterceptor>();
            grpc.Interceptors.Add<RpcAuthorizationInterceptor>();
        }).AddHttpJsonApi();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestHeadersTotalSize = MessageLimits.MaxRequestHeadersTotalBytes;
            kestrel.Limits.Http2.MaxRequestHeaderFieldSize = MessageLimits.MaxRequestHeaderFieldBytes;
        });
        services.AddScoped<RpcAuthorizer>();
        services.AddScoped<IHttpCallGate, HttpCallGate>();
        services.AddExceptionHandler<HttpRefusals>();
        services.AddProblemDetails();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditReader>();
        services.AddSingleton<IModuleDatabase, AuditTable>();
        services.AddGrpcReflection();
        services.AddSingleton<DatabaseReadiness>();
        services.AddGrpcHealthChecks(health =>
            {
                foreach (var service in new[] { MembersModule.GrpcServiceName, AssessmentModule.GrpcServiceName, WorkflowModule.GrpcServiceName, WorkflowModule.ReminderServiceName, WorkflowModule.CheckReportServiceName, DocumentsModule.GrpcServiceName, AuditGrpcService.GrpcServiceName, AccessGrpcService.GrpcServiceName })
                {
                    health.Services.Map(service, _ => true);
                }
            })
            .AddCheck<DatabaseHealthCheck>("database");
        // Last of the gRPC registrations, so that none of them brings Grpc.AspNetCore's own binder back.
        services.AddCheckedRequestBodies();

        // Registration order is start order: the schema is migrated before anything else touches it.
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseStartup>());
        if (options.SeedDemo)
        {
            services.AddHostedService<DemoCollegeSeeder>();
        }

        if (options.Scheduler.Enabled)
        {
            builder.AddScheduler(database);
        }

        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));
        // The one health check is the database's: "not migrated yet" is the expected state of every start, not an
        // error (the service is NOT_SERVING meanwhile); a migration that fails is logged by DatabaseStartup itself.
        builder.Logging.AddFilter(HealthCheckResultsCategory, LogLevel.Critical);
        // Names, branches and reasons are Chinese: keep them readable in the JSON logs.
        services.Configure<JsonConsoleFormatterOptions>(json =>
            json.JsonWriterOptions = json.JsonWriterOptions with { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        return builder;
    }

    /// <summary>Starts the database's migrations now, before the endpoints are mapped, instead of when the host starts.</summary>
    public static WebApplication BeginDatabaseStartup(this WebApplication app)
    {
        app.Services.GetRequiredService<DatabaseStartup>().Begin(app.Lifetime.ApplicationStopping);
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseMessageLimitStatus();
        // Every endpoint requires a caller (the fallback policy) except these two, open by design.
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<AccessGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapHttpJsonApi();
        app.UseSessionAntiforgery();
        app.MapSignIn();
        app.MapConsole();
        app.MapSheets();
        if (app.Services.GetRequiredService<PlatformOptions>().EnableReflection)
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        return app;
    }

    private static ServiceDatabase ResolveDatabase(IConfiguration configuration, PlatformOptions options)
    {
        var configured = configuration.GetConnectionString("Chuangji");
        if (options.Database.Provider == DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Chuangji:Database:Provider is PostgreSql: set ConnectionStrings:Chuangji to the server's connection string")
                : ServiceDatabase.PostgreSql(configured);
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return ServiceDatabase.Sqlite(configured);
        }

        var directory = options.ResolveDataDirectory();
        Directory.CreateDirectory(directory);
        return ServiceDatabase.Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "chuangji.db") }.ToString());
    }
}
