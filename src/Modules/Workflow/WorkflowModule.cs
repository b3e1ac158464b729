using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Workflow.Cycles;
using Chuangji.Workflow.Workflow.Features.Advance;
using Chuangji.Workflow.Workflow.Features.GetDefaultCalendar;
using Chuangji.Workflow.Workflow.Features.Reading;
using Chuangji.Workflow.Workflow.Features.Steps;
using Chuangji.Workflow.Workflow.Features.Years;
using Chuangji.Workflow.Workflow.Grpc;
using Chuangji.Workflow.Workflow.Persistence;
using Chuangji.Workflow.Workflow.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Workflow;

public static class WorkflowModule
{
    public const string GrpcServiceName = "chuangji.workflow.v1.WorkflowService";

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
        services.AddScoped<ListCyclesHandler>();
        services.AddScoped<SimpleStepHandlers>();
        services.AddScoped<ObjectionHandlers>();
        services.AddScoped<SubmitOpinionHandler>();
        services.AddScoped<DetermineHandler>();
        services.AddScoped<ApplyOutcomeHandler>();
        services.AddScoped<AdvancePhaseHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<WorkflowGrpcService>();
        return endpoints;
    }
}
