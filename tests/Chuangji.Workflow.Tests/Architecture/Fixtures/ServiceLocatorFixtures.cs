using Chuangji.Members.V1;
using Chuangji.Workflow.Modules.Members.Features.GetBranch;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Architecture.Fixtures;

#pragma warning disable CA1812 // Never instantiated: these types exist only to be found by the rules.

/// <summary>Fetches its handler from the service provider inside an async call.</summary>
internal sealed class ServiceLocatingGrpcService(IServiceProvider services) : MembersService.MembersServiceBase
{
    public override async Task<GetBranchResponse> GetBranch(GetBranchRequest request, ServerCallContext context)
    {
        await services.GetRequiredService<GetBranchHandler>().HandleAsync(request.Code, context.CancellationToken);
        return new GetBranchResponse();
    }
}

/// <summary>Reaches the request's services through the call context: no constructor shows it.</summary>
internal sealed class RequestServicesGrpcService : MembersService.MembersServiceBase
{
    public override async Task<GetBranchResponse> GetBranch(GetBranchRequest request, ServerCallContext context)
    {
        await context.GetHttpContext().RequestServices.GetRequiredService<GetBranchHandler>().HandleAsync(request.Code, context.CancellationToken);
        return new GetBranchResponse();
    }
}

/// <summary>Takes its handler: what the rule asks for.</summary>
internal sealed class InjectedGrpcService(GetBranchHandler getBranch) : MembersService.MembersServiceBase
{
    public override async Task<GetBranchResponse> GetBranch(GetBranchRequest request, ServerCallContext context)
    {
        await getBranch.HandleAsync(request.Code, context.CancellationToken);
        return new GetBranchResponse();
    }
}
#pragma warning restore CA1812
