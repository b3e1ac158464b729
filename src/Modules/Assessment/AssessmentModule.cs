using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Modules.Assessment.Facts.Registration;
using Chuangji.Workflow.Modules.Assessment.Features.ApproveBonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.GetRubric;
using Chuangji.Workflow.Modules.Assessment.Features.GetScorecard;
using Chuangji.Workflow.Modules.Assessment.Features.ListBonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.ListEvents;
using Chuangji.Workflow.Modules.Assessment.Features.ListScorecards;
using Chuangji.Workflow.Modules.Assessment.Features.ProposeBonusItems;
using Chuangji.Workflow.Modules.Assessment.Features.RecordEvent;
using Chuangji.Workflow.Modules.Assessment.Features.RecordEvents;
using Chuangji.Workflow.Modules.Assessment.Features.ReplaceRubric;
using Chuangji.Workflow.Modules.Assessment.Features.RevokeEvent;
using Chuangji.Workflow.Modules.Assessment.Features.SummarizeYear;
using Chuangji.Workflow.Modules.Assessment.Grpc;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Records;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Assessment.Scorecards;
using Chuangji.Workflow.Modules.Assessment.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Assessment;

public static class AssessmentModule
{
    public const string GrpcServiceName = "chuangji.assessment.v1.AssessmentService";

    public static IServiceCollection AddAssessmentModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<AssessmentDbContext, SqliteAssessmentDbContext, PostgreSqlAssessmentDbContext>(AssessmentDbContext.Module, AssessmentDbContext.Schema);
        services.AddSingleton<DefaultRubricSource>();
        services.AddSingleton<RubricDocuments>();
        services.AddSingleton<FactWriter>();
        services.AddScoped<RubricBook>();
        services.AddScoped<FactRegistrar>();
        services.AddScoped<ScorecardSources>();
        services.AddScoped<YearFactsByMember>();
        services.AddScoped<CollegeScorecards>();
        services.AddScoped<GetRubricHandler>();
        services.AddScoped<ReplaceRubricHandler>();
        services.AddScoped<RecordEventHandler>();
        services.AddScoped<RecordEventsHandler>();
        services.AddScoped<RevokeEventHandler>();
        services.AddScoped<ListEventsHandler>();
        services.AddScoped<GetScorecardHandler>();
        services.AddScoped<ListScorecardsHandler>();
        services.AddScoped<SummarizeYearHandler>();
        services.AddScoped<ProposeBonusItemsHandler>();
        services.AddScoped<ApproveBonusItemsHandler>();
        services.AddScoped<ListBonusItemsHandler>();
        services.AddScoped<IAssessmentModule, AssessmentModuleFacade>();
        services.AddScoped<IAssessmentRecords, AssessmentRecords>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<AssessmentGrpcService>();
        return endpoints;
    }
}
