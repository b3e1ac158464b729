using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Members.Features.CreateBranch;
using Chuangji.Workflow.Modules.Members.Features.GetBranch;
using Chuangji.Workflow.Modules.Members.Features.GetMember;
using Chuangji.Workflow.Modules.Members.Features.ImportMembers;
using Chuangji.Workflow.Modules.Members.Features.ListBranches;
using Chuangji.Workflow.Modules.Members.Features.ListMembers;
using Chuangji.Workflow.Modules.Members.Features.RegisterMember;
using Chuangji.Workflow.Modules.Members.Features.TransferMember;
using Chuangji.Workflow.Modules.Members.Features.UpdateBranch;
using Chuangji.Workflow.Modules.Members.Features.UpdateMember;
using Chuangji.Workflow.Modules.Members.Grpc;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Modules.Members.Roster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Members;

public static class MembersModule
{
    public const string GrpcServiceName = "chuangji.members.v1.MembersService";

    public static IServiceCollection AddMembersModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<MembersDbContext, SqliteMembersDbContext, PostgreSqlMembersDbContext>(MembersDbContext.Module, MembersDbContext.Schema);
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
        services.AddScoped<MembersModuleFacade>();
        services.AddScoped<IMembersModule, MemberLookupsOfTheCall>();
        return services;
    }

    public static IEndpointRouteBuilder MapMembersModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<MembersGrpcService>();
        return endpoints;
    }
}
