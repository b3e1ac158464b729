using Chuangji.Workflow.Modules.Documents.Delivery;
using Chuangji.Workflow.Modules.Documents.Features.GetCollegeOverview;
using Chuangji.Workflow.Modules.Documents.Features.GetCollegeProgress;
using Chuangji.Workflow.Modules.Documents.Features.GetDossier;
using Chuangji.Workflow.Modules.Documents.Features.GetOutcomeList;
using Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;
using Chuangji.Workflow.Modules.Documents.Features.GetScoringTable;
using Chuangji.Workflow.Modules.Documents.Grpc;
using Chuangji.Workflow.Modules.Documents.Http;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Chuangji.Workflow.Modules.Documents.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Documents;

/// <summary>The scheme on paper: its documents rendered from the other modules' records, over gRPC and plain HTTP.</summary>
public static class DocumentsModule
{
    public const string GrpcServiceName = "chuangji.documents.v1.DocumentService";

    public static IServiceCollection AddDocumentsModule(this IServiceCollection services)
    {
        services.AddDocumentRenderers();
        services.AddMemoryCache();
        services.AddSingleton<DocumentFiles>();
        services.AddSingleton<ChineseDates>();
        services.AddScoped<YearDocuments>();
        services.AddScoped<MembersOfRecord>();
        services.AddScoped<CollegeStandings>();
        services.AddScoped<NamedCycles>();
        services.AddScoped<PublicityListDocument>();
        services.AddScoped<ScoringTableDocument>();
        services.AddScoped<GetPublicityListHandler>();
        services.AddScoped<GetScoringTableHandler>();
        services.AddScoped<OutcomeListDocument>();
        services.AddScoped<GetOutcomeListHandler>();
        services.AddScoped<DossierMaterials>();
        services.AddScoped<DossierDocument>();
        services.AddScoped<GetDossierHandler>();
        services.AddScoped<CollegeOverviewDocument>();
        services.AddScoped<GetCollegeOverviewHandler>();
        services.AddScoped<GetCollegeProgressHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocumentsModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<DocumentGrpcService>();
        endpoints.MapDocumentEndpoints();
        endpoints.MapPublicityPage();
        return endpoints;
    }
}
