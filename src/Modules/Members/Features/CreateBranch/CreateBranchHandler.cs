using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Branches;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Features.CreateBranch;

internal sealed record CreateBranchCommand(string Code, string Name, string SecretaryName, string SecretaryStaffNumber);

internal sealed record CreateBranchResult(Branch Branch, bool Created);

internal sealed class CreateBranchHandler(MembersDbContext db, CollegeClock clock)
{
    public async Task<CreateBranchResult> HandleAsync(CreateBranchCommand command, CancellationToken cancellationToken)
    {
        var data = Validate(command);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.Branches.SingleOrDefaultAsync(b => b.Code == data.Code, cancellationToken);
            if (existing is not null)
            {
                var differences = Differences(existing.Data, data);
                return differences.Count == 0
                    ? new CreateBranchResult(existing, false)
                    : throw new AlreadyExistsException("branch", data.Code, differences);
            }

            var branch = Branch.Create(data, clock.UtcNow);
            db.Branches.Add(branch);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new CreateBranchResult(branch, true);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception) && attempt < 2)
            {
                // Created concurrently: compare with the one that won.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static BranchData Validate(CreateBranchCommand command)
    {
        var violations = new Violations();
        var code = Identifier.Required(violations, "code", command.Code);
        var name = BranchFieldRules.Name(violations, "name", command.Name);
        var secretary = BranchFieldRules.SecretaryName(violations, "secretary_name", command.SecretaryName);
        var secretaryStaffNumber = BranchFieldRules.SecretaryStaffNumber(violations, "secretary_staff_number", command.SecretaryStaffNumber);
        violations.ThrowIfAny();
        return new BranchData(code!, name!, secretary!, secretaryStaffNumber!);
    }

    private static IReadOnlyList<FieldViolation> Differences(BranchData stored, BranchData requested) =>
        new Differences("registered as")
            .Compare("name", stored.Name, requested.Name)
            .Compare("secretary_name", stored.SecretaryName, requested.SecretaryName)
            .Compare("secretary_staff_number", stored.SecretaryStaffNumber, requested.SecretaryStaffNumber)
            .Items;
}
