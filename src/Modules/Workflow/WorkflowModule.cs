using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Features.Advance;
using Chuangji.Workflow.Modules.Workflow.Features.GetDefaultCalendar;
using Chuangji.Workflow.Modules.Workflow.Features.Reading;
using Chuangji.Workflow.Modules.Workflow.Features.Steps;
using Chuangji.Workflow.Modules.Workflow.Features.Years;
using Chuangji.Workflow.Modules.Workflow.Grpc;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Chuangji.Workflow.Modules.Workflow.Features.Reminders;
using Chuangji.Workflow.Modules.Workflow.Features.Checks;
using Chuangji.Workflow.Modules.Workflow.Seeding;
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
        services.AddModuleDbContext<WorkflowDbContext>(WorkflowDbContext.Module);
        services.AddSingleton<DefaultCalendarSource>();
        services.AddSingleton<GetDefaultCalendarHandler>();
        services.AddSingleton<RosterSyncStamps>();
        services.AddScoped<CycleRoster>();
        services.AddScoped<CycleStore>();
        services.AddScoped<CycleStepRunner>();
        services.AddScoped<OpenYearHandler>();
        services.AddScoped<GetYearHandler>();
        services.AddScoped<UpdateCalendarHandler>();
        services.AddScoped<RetryScheduledWorkHandler>();
        services.AddScoped<ListCyclesHandler>();
        services.AddScoped<SimpleStepHandlers>();
        services.AddScoped<ObjectionHandlers>();
        services.AddScoped<SubmitOpinionHandler>();
        services.AddScoped<ListOpinionsHandler>();
        services.AddScoped<DetermineHandler>();
        services.AddScoped<ApplyOutcomeHandler>();
        services.AddScoped<AdvancePhaseHandler>();
        services.AddSingleton<ReminderSignal>();
        services.AddSingleton<SweepMonitor>();
        services.AddSingleton<DueWorkRunner>();
        services.AddScoped<ReminderWriter>();
        services.AddScoped<ReminderMaker>();
        services.AddScoped<CheckReportMaker>();
        services.AddScoped<YearScheduler>();
        services.AddScoped<RemindersHandler>();
        services.AddScoped<CheckReportsHandler>();
        services.AddScoped<IWorkflowModule, WorkflowModuleFacade>();
        services.AddScoped<IAssessmentPeriods, AssessmentPeriodsFromCalendars>();
        services.AddHostedService<ScheduleStartup>();
        return services;
    }

    /// <summary>The module's job for the Host's scheduler: one durable job that catches up with everything due.</summary>
    public static IQuartzBuilder AddWorkflowJobs(this IQuartzBuilder quartz) =>
        quartz.AddJob<DueWorkJob>(job => job.WithIdentity(DueWorkJob.Key).StoreDurably());

    public static IEndpointRouteBuilder MapWorkflowModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<WorkflowGrpcService>();
        endpoints.MapGrpcService<ReminderGrpcService>();
        endpoints.MapGrpcService<CheckReportGrpcService>();
        return endpoints;
    }
}
