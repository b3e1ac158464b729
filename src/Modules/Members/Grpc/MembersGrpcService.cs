using Chuangji.Members.V1;
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
using Grpc.Core;

namespace Chuangji.Workflow.Modules.Members.Grpc;

/// <summary>
/// Thin: maps each call onto its handler and the answer back onto the contract. Every handler is
/// injected (the service is created per call), so what each RPC needs shows in the constructor.
/// </summary>
internal sealed class MembersGrpcService(
    CreateBranchHandler createBranch,
    GetBranchHandler getBranch,
    ListBranchesHandler listBranches,
    UpdateBranchHandler updateBranch,
    RegisterMemberHandler registerMember,
    ImportMembersHandler importMembers,
    GetMemberHandler getMember,
    ListMembersHandler listMembers,
    UpdateMemberHandler updateMember,
    TransferMemberHandler transferMember) : MembersService.MembersServiceBase
{
    public override async Task<CreateBranchResponse> CreateBranch(CreateBranchRequest request, ServerCallContext context)
    {
        var command = new CreateBranchCommand(request.Code, request.Name, request.SecretaryName, request.SecretaryStaffNumber);
        var result = await createBranch.HandleAsync(command, context.CancellationToken);
        return new CreateBranchResponse { Branch = result.Branch.ToProto(), Created = result.Created };
    }

    public override async Task<GetBranchResponse> GetBranch(GetBranchRequest request, ServerCallContext context)
    {
        var branch = await getBranch.HandleAsync(request.Code, context.CancellationToken);
        return new GetBranchResponse { Branch = branch.ToProto() };
    }

    public override async Task<ListBranchesResponse> ListBranches(ListBranchesRequest request, ServerCallContext context)
    {
        var page = await listBranches.HandleAsync(request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListBranchesResponse { NextPageToken = page.NextPageToken };
        response.Branches.AddRange(page.Branches.Select(b => b.ToProto()));
        return response;
    }

    public override async Task<UpdateBranchResponse> UpdateBranch(UpdateBranchRequest request, ServerCallContext context)
    {
        var command = new UpdateBranchCommand(
            request.Code,
            request.HasName ? request.Name : null,
            request.HasSecretaryName ? request.SecretaryName : null,
            request.HasSecretaryStaffNumber ? request.SecretaryStaffNumber : null,
            request.HasExpectedVersion ? request.ExpectedVersion : null);
        var branch = await updateBranch.HandleAsync(command, context.CancellationToken);
        return new UpdateBranchResponse { Branch = branch.ToProto() };
    }

    public override async Task<RegisterMemberResponse> RegisterMember(RegisterMemberRequest request, ServerCallContext context)
    {
        var outcome = await registerMember.HandleAsync(request.Member.ToInput(), context.CancellationToken);
        return new RegisterMemberResponse { Member = outcome.Member!.ToProto(), Created = outcome.Created };
    }

    public override async Task<ImportMembersResponse> ImportMembers(ImportMembersRequest request, ServerCallContext context)
    {
        var rows = request.Members.Select(m => m.ToInput()).ToList();
        var outcomes = await importMembers.HandleAsync(rows, context.CancellationToken);
        var response = new ImportMembersResponse();
        response.Results.AddRange(outcomes.Select(o => o.ToProto()));
        response.CreatedCount = response.Results.Count(r => r.Outcome == ImportOutcome.Created);
        response.UnchangedCount = response.Results.Count(r => r.Outcome == ImportOutcome.Unchanged);
        response.RejectedCount = response.Results.Count(r => r.Outcome == ImportOutcome.Rejected);
        return response;
    }

    public override async Task<GetMemberResponse> GetMember(GetMemberRequest request, ServerCallContext context)
    {
        var member = await getMember.HandleAsync(request.StaffNumber, context.CancellationToken);
        return new GetMemberResponse { Member = member.ToProto() };
    }

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var query = new ListMembersQuery(request.BranchCode, (int)request.Category, (int)request.Status, request.PageSize, request.PageToken);
        var page = await listMembers.HandleAsync(query, context.CancellationToken);
        var response = new ListMembersResponse { NextPageToken = page.NextPageToken };
        response.Members.AddRange(page.Members.Select(m => m.ToProto()));
        return response;
    }

    public override async Task<UpdateMemberResponse> UpdateMember(UpdateMemberRequest request, ServerCallContext context)
    {
        var command = new UpdateMemberCommand(
            request.StaffNumber,
            request.HasName ? request.Name : null,
            request.HasCategory ? (int)request.Category : null,
            request.HasStatus ? (int)request.Status : null,
            request.HasJoinedPartyOn ? request.JoinedPartyOn : null,
            request.HasSpecialty ? request.Specialty : null,
            request.HasExpectedVersion ? request.ExpectedVersion : null);
        var member = await updateMember.HandleAsync(command, context.CancellationToken);
        return new UpdateMemberResponse { Member = member.ToProto() };
    }

    public override async Task<TransferMemberResponse> TransferMember(TransferMemberRequest request, ServerCallContext context)
    {
        var command = new TransferMemberCommand(request.StaffNumber, request.ToBranchCode, request.EffectiveOn, request.Note);
        var result = await transferMember.HandleAsync(command, context.CancellationToken);
        return new TransferMemberResponse { Member = result.Member.ToProto(), Transferred = result.Transferred };
    }
}
