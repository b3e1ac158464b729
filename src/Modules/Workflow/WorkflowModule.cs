using Chuangji.Workflow.Workflow.Features.GetDefaultCalendar;
using Chuangji.Workflow.Workflow.Grpc;
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
        services.AddSingleton<DefaultCalendarSource>();
        services.AddSingleton<GetDefaultCalendarHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkflowModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<WorkflowGrpcService>();
        return endpoints;
    }
}
