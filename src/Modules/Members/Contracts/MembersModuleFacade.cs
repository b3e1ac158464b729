using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Members.Features.Branches;
using Chuangji.Workflow.Members.Features.Members;

namespace Chuangji.Workflow.Members.Contracts;

internal sealed class MembersModuleFacade(CreateBranchHandler createBranch, ImportMembersHandler importMembers) : IMembersModule
{
    public async Task<bool> EnsureBranchAsync(BranchRecord branch, CancellationToken cancellationToken)
    {
        var command = new CreateBranchCommand(branch.Code, branch.Name, branch.SecretaryName, branch.SecretaryStaffNumber);
        var result = await createBranch.HandleAsync(command, cancellationToken);
        return result.Created;
    }

    public async Task<RosterImportSummary> ImportMembersAsync(IReadOnlyList<MemberRecord> members, CancellationToken cancellationToken)
    {
        var rows = members
            .Select(m => new MemberRegistrationInput(m.StaffNumber, m.Name, m.BranchCode, (int)m.Category, IsoDate.Format(m.JoinedPartyOn), m.Specialty))
            .ToList();
        var outcomes = await importMembers.HandleAsync(rows, cancellationToken);
        return new RosterImportSummary(
            outcomes.Count(o => o.Created),
            outcomes.Count(o => o.Error is null && !o.Created),
            outcomes.Where(o => o.Error is not null).Select(o => $"{o.StaffNumber}: {o.Error!.Message}").ToList());
    }
}
