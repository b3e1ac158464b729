using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Features.AckReminder;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;
using Chuangji.Workflow.Modules.Workflow.Features.ApplyOutcome;
using Chuangji.Workflow.Modules.Workflow.Features.Determine;
using Chuangji.Workflow.Modules.Workflow.Features.GetCheckReport;
using Chuangji.Workflow.Modules.Workflow.Features.GetCycle;
using Chuangji.Workflow.Modules.Workflow.Features.GetDefaultCalendar;
using Chuangji.Workflow.Modules.Workflow.Features.GetYear;
using Chuangji.Workflow.Modules.Workflow.Features.ListCheckReports;
using Chuangji.Workflow.Modules.Workflow.Features.ListCycles;
using Chuangji.Workflow.Modules.Workflow.Features.ListOpinions;
using Chuangji.Workflow.Modules.Workflow.Features.ListReminders;
using Chuangji.Workflow.Modules.Workflow.Features.OpenYear;
using Chuangji.Workflow.Modules.Workflow.Features.RaiseObjection;
using Chuangji.Workflow.Modules.Workflow.Features.ReopenCycle;
using Chuangji.Workflow.Modules.Workflow.Features.ResolveObjection;
using Chuangji.Workflow.Modules.Workflow.Features.RetryScheduledWork;
using Chuangji.Workflow.Modules.Workflow.Features.SubmitCommitment;
using Chuangji.Workflow.Modules.Workflow.Features.SubmitDeclaration;
using Chuangji.Workflow.Modules.Workflow.Features.SubmitOpinion;
using Chuangji.Workflow.Modules.Workflow.Features.UpdateCalendar;
using Chuangji.Workflow.Modules.Workflow.Features.WatchReminders;
using Chuangji.Workflow.Modules.Workflow.Grpc;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.Modules.Workflow.Records;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Chuangji.Workflow.Modules.Workflow.Seeding;
using Chuangji.Workflow.Modules.Workflow.Years;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Chuangji.Workflow.Modules.Workflow;

public static class WorkflowModule
{
    public const string GrpcServiceName = "chuangji.workflow.v1.WorkflowService";

    public const string ReminderServiceName = "chuangji.workflow.v1.ReminderService";

    public const string CheckReportServiceName = "chuangji.workflow.v1.CheckReportService";

    public static IServiceCollection AddWorkflowModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<WorkflowDbContext, SqliteWorkflowDbContext, PostgreSqlWorkflowDbContext>(WorkflowDbContext.Module, WorkflowDbContext.Schema);
        services.AddSingleton<DefaultCalendarSource>();
        services.AddSingleton<GetDefaultCalendarHandler>();
        services.AddSingleton<RosterSyncStamps>();
        services.AddScoped<CycleRoster>();
        services.AddScoped<CycleStore>();
        services.AddScoped<CycleStepRunner>();
        services.AddScoped<YearViewReader>();
        services.AddScoped<OpenYearHandler>();
        services.AddScoped<GetYearHandler>();
        services.AddScoped<UpdateCalendarHandler>();
        services.AddScoped<RetryScheduledWorkHandler>();
        services.AddScoped<GetCycleHandler>();
        services.AddScoped<ListCyclesHandler>();
        services.AddScoped<SubmitCommitmentHandler>();
        services.AddScoped<SubmitDeclarationHandler>();
        services.AddScoped<SubmitOpinionHandler>();
        services.AddScoped<ListOpinionsHandler>();
        services.AddScoped<RaiseObjectionHandler>();
        services.AddScoped<ResolveObjectionHandler>();
        services.AddScoped<AdvancePhaseHandler>();
        services.AddScoped<DetermineHandler>();
        services.AddScoped<ApplyOutcomeHandler>();
        services.AddScoped<ReopenCycleHandler>();
        services.AddSingleton<ReminderSignal>();
        services.AddSingleton<SweepMonitor>();
        services.AddSingleton<DueWorkRunner>();
        services.AddScoped<ReminderWriter>();
        services.AddScoped<ReminderMaker>();
        services.AddScoped<CheckReportMaker>();
        services.AddScoped<YearScheduler>();
        services.AddScoped<WatchRemindersHandler>();
        services.AddSingleton<ReminderBatches>();
        services.AddScoped<AckReminderHandler>();
        services.AddScoped<ListRemindersHandler>();
        services.AddScoped<ListCheckReportsHandler>();
        services.AddScoped<GetCheckReportHandler>();
        services.AddScoped<IWorkflowModule, WorkflowModuleFacade>();
        services.AddScoped<IWorkflowRecords, WorkflowRecords>();
        services.AddScoped<IAssessmentPeriods, AssessmentPeriodsFromCalendars>();
        services.AddHostedService<ScheduleStartup>();
        if (services.RegisteredDatabase().IsPostgreSql)
        {
            services.AddHostedService<ReminderNotifications>();
        }

        return services;
    }

    /// <summary>
    /// The module's job for the Host's scheduler: one durable job that catches up with everything due. It requests
    /// recovery: a sweep in flight on an instance that dies is run again by the instance that counts it failed (or by
    /// the next start, alone), since the trigger that fired it is spent and the next may be months away.
    /// </summary>
    public static IQuartzBuilder AddWorkflowJobs(this IQuartzBuilder quartz) =>
        quartz.AddJob<DueWorkJob>(job => job.WithIdentity(DueWorkJob.Key).StoreDurably().RequestRecovery());

    public static IEndpointRouteBuilder MapWorkflowModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<WorkflowGrpcService>();
        endpoints.MapGrpcService<ReminderGrpcService>();
        endpoints.MapGrpcService<CheckReportGrpcService>();
        return endpoints;
    }
}
