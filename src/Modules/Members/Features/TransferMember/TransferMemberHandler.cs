using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Modules.Members.Roster;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Features.TransferMember;

internal sealed record TransferMemberCommand(string StaffNumber, string ToBranchCode, string EffectiveOn, string Note);

internal sealed record TransferResult(Member Member, bool Transferred);

internal sealed class TransferMemberHandler(MembersDbContext db, CollegeClock clock)
{
    public const int MaxNoteLength = 200;

    public async Task<TransferResult> HandleAsync(TransferMemberCommand command, CancellationToken cancellationToken)
    {
        var effectiveOn = Validate(command);
        var member = await db.GetAsync(command.StaffNumber, "staff_number", cancellationToken);
        if (!await db.Branches.AnyAsync(b => b.Code == command.ToBranchCode, cancellationToken))
        {
            throw new NotFoundException("branch", command.ToBranchCode, "to_branch_code");
        }

        var transferred = member.TransferTo(command.ToBranchCode, effectiveOn, command.Note.Trim(), clock.UtcNow);
        if (transferred)
        {
            await db.SaveOrConflictAsync(
                "member", member.StaffNumber, null, db.Members.AsNoTracking().Where(m => m.Id == member.Id).Select(m => m.Version), cancellationToken);
        }

        return new TransferResult(member, transferred);
    }

    private DateOnly Validate(TransferMemberCommand command)
    {
        var violations = new Violations();
        if (string.IsNullOrEmpty(command.StaffNumber))
        {
            violations.Add("staff_number", "is required");
        }

        Identifier.Required(violations, "to_branch_code", command.ToBranchCode);

        var today = clock.Today;
        var effectiveOn = today;
        if (command.EffectiveOn.Length > 0)
        {
            if (!IsoDate.TryParse(command.EffectiveOn, out effectiveOn))
            {
                violations.Add("effective_on", $"'{Echo.Of(command.EffectiveOn)}' is not a date of the form YYYY-MM-DD");
            }
            else if (effectiveOn > today)
            {
                violations.Add("effective_on", $"must not be in the future (today is {IsoDate.Format(today)})");
            }
        }

        if (command.Note.Length > MaxNoteLength)
        {
            violations.Add("note", $"must be at most {MaxNoteLength} characters");
        }

        violations.ThrowIfAny();
        return effectiveOn;
    }
}
