using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Modules.Members.Roster;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Features.UpdateMember;

/// <summary>An update as the caller sent it: null leaves a field unchanged.</summary>
internal sealed record UpdateMemberCommand(
    string StaffNumber,
    string? Name,
    int? Category,
    int? Status,
    string? JoinedPartyOn,
    string? Specialty,
    long? ExpectedVersion);

internal sealed class UpdateMemberHandler(MembersDbContext db, CollegeClock clock)
{
    public async Task<Member> HandleAsync(UpdateMemberCommand command, CancellationToken cancellationToken)
    {
        var edit = Validate(command);
        var member = await db.GetAsync(command.StaffNumber, "staff_number", cancellationToken);
        if (command.ExpectedVersion is { } expected && expected != member.Version)
        {
            throw new ConcurrencyConflictException("member", member.StaffNumber, expected, member.Version);
        }

        if (!member.Edit(edit, clock.UtcNow))
        {
            return member;
        }

        await db.SaveOrConflictAsync(
            "member", member.StaffNumber, command.ExpectedVersion, db.Members.AsNoTracking().Where(m => m.Id == member.Id).Select(m => m.Version), cancellationToken);

        return member;
    }

    private MemberEdit Validate(UpdateMemberCommand command)
    {
        var violations = new Violations();
        var name = command.Name is null ? null : MemberFieldRules.Name(violations, "name", command.Name);
        var category = command.Category is { } c ? MemberFieldRules.Category(violations, "category", c) : null;
        var status = command.Status is { } s ? MemberFieldRules.Status(violations, "status", s) : null;
        var joined = command.JoinedPartyOn is null ? null : MemberFieldRules.JoinedPartyOn(violations, "joined_party_on", command.JoinedPartyOn, clock.Today);
        var specialty = command.Specialty is null ? null : MemberFieldRules.Specialty(violations, "specialty", command.Specialty);
        violations.ThrowIfAny();
        return new MemberEdit(name, category, status, joined, specialty);
    }
}
