using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Branches;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Features.UpdateBranch;

internal sealed record UpdateBranchCommand(string Code, string? Name, string? SecretaryName, string? SecretaryStaffNumber, long? ExpectedVersion);

internal sealed class UpdateBranchHandler(MembersDbContext db, CollegeClock clock)
{
    public async Task<Branch> HandleAsync(UpdateBranchCommand command, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var name = command.Name is null ? null : BranchFieldRules.Name(violations, "name", command.Name);
        var secretary = command.SecretaryName is null ? null : BranchFieldRules.SecretaryName(violations, "secretary_name", command.SecretaryName);
        var secretaryStaffNumber = command.SecretaryStaffNumber is null
            ? null
            : BranchFieldRules.SecretaryStaffNumber(violations, "secretary_staff_number", command.SecretaryStaffNumber);
        if (string.IsNullOrEmpty(command.Code))
        {
            violations.Add("code", "is required");
        }

        violations.ThrowIfAny();
        var branch = await db.Branches.SingleOrDefaultAsync(b => b.Code == command.Code, cancellationToken)
            ?? throw new NotFoundException("branch", command.Code, "code");
        if (command.ExpectedVersion is { } expected && expected != branch.Version)
        {
            throw new ConcurrencyConflictException("branch", branch.Code, expected, branch.Version);
        }

        var stored = branch.Data;
        var wanted = stored with
        {
            Name = name ?? stored.Name,
            SecretaryName = secretary ?? stored.SecretaryName,
            SecretaryStaffNumber = secretaryStaffNumber ?? stored.SecretaryStaffNumber,
        };
        if (!branch.Change(wanted, clock.UtcNow))
        {
            return branch;
        }

        await db.SaveOrConflictAsync(
            "branch", branch.Code, command.ExpectedVersion, db.Branches.AsNoTracking().Where(b => b.Code == branch.Code).Select(b => b.Version), cancellationToken);

        return branch;
    }
}
