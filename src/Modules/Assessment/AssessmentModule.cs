using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Modules.Assessment.Features.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.ListFacts;
using Chuangji.Workflow.Modules.Assessment.Features.RecordFacts;
using Chuangji.Workflow.Modules.Assessment.Features.RevokeFact;
using Chuangji.Workflow.Modules.Assessment.Features.Scorecards;
using Chuangji.Workflow.Modules.Assessment.Features.Summary;
using Chuangji.Workflow.Modules.Assessment.Grpc;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Assessment.Seeding;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Assessment;

public static class AssessmentModule
{
    public const string GrpcServiceName = "chuangji.assessment.v1.AssessmentService";

    public static IServiceCollection AddAssessmentModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<AssessmentDbContext>(AssessmentDbContext.Module);
        services.AddSingleton<DefaultRubricSource>();
        services.AddSingleton<RubricDocuments>();
        services.AddSingleton<FactWriter>();
        services.AddScoped<RubricBook>();
        services.AddScoped<RecordFactsHandler>();
        services.AddScoped<RevokeFactHandler>();
        services.AddScoped<ListFactsHandler>();
        services.AddScoped<ScorecardService>();
        services.AddScoped<ListScorecardsHandler>();
        services.AddScoped<BonusItemHandlers>();
        services.AddScoped<CollegeScoring>();
        services.AddScoped<IAssessmentModule, AssessmentModuleFacade>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<AssessmentGrpcService>();
        return endpoints;
    }
}
