using Chuangji.Workflow.Assessment.Features.GetRubric;
using Chuangji.Workflow.Assessment.Grpc;
using Chuangji.Workflow.Assessment.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Assessment;

public static class AssessmentModule
{
    public const string GrpcServiceName = "chuangji.assessment.v1.AssessmentService";

    public static IServiceCollection AddAssessmentModule(this IServiceCollection services)
    {
        services.AddSingleton<DefaultRubricSource>();
        services.AddSingleton<GetRubricHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<AssessmentGrpcService>();
        return endpoints;
    }
}
