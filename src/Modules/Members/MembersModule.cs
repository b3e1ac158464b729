using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Members.Contracts;
using Chuangji.Workflow.Members.Features.Branches;
using Chuangji.Workflow.Members.Features.Members;
using Chuangji.Workflow.Members.Grpc;
using Chuangji.Workflow.Members.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Members;

public static class MembersModule
{
    public const string GrpcServiceName = "chuangji.members.v1.MembersService";

    public static IServiceCollection AddMembersModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<MembersDbContext>(MembersDbContext.Module);
        services.AddScoped<CreateBranchHandler>();
        services.AddScoped<GetBranchHandler>();
        services.AddScoped<ListBranchesHandler>();
        services.AddScoped<UpdateBranchHandler>();
        services.AddScoped<MemberRegistrar>();
        services.AddScoped<RegisterMemberHandler>();
        services.AddScoped<ImportMembersHandler>();
        services.AddScoped<GetMemberHandler>();
        services.AddScoped<ListMembersHandler>();
        services.AddScoped<UpdateMemberHandler>();
        services.AddScoped<TransferMemberHandler>();
        services.AddScoped<IMembersModule, MembersModuleFacade>();
        return services;
    }

    public static IEndpointRouteBuilder MapMembersModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<MembersGrpcService>();
        return endpoints;
    }
}
