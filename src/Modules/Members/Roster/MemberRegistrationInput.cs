using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Domain;

namespace Chuangji.Workflow.Modules.Members.Roster;

/// <summary>A registration as the caller sent it, before any rule is checked.</summary>
internal sealed record MemberRegistrationInput(
    string StaffNumber,
    string Name,
    string BranchCode,
    int Category,
    string JoinedPartyOn,
    string Specialty)
{
    /// <summary>Checks every field rule; the violations name fields under <paramref name="fieldPrefix"/>.</summary>
    public MemberData Validate(string fieldPrefix, DateOnly today)
    {
        var violations = new Violations();
        var staffNumber = Identifier.Required(violations, fieldPrefix + "staff_number", StaffNumber);
        var name = MemberFieldRules.Name(violations, fieldPrefix + "name", Name);
        var branchCode = Identifier.Required(violations, fieldPrefix + "branch_code", BranchCode);
        var category = MemberFieldRules.Category(violations, fieldPrefix + "category", Category);
        var joined = MemberFieldRules.JoinedPartyOn(violations, fieldPrefix + "joined_party_on", JoinedPartyOn, today);
        var specialty = MemberFieldRules.Specialty(violations, fieldPrefix + "specialty", Specialty);
        violations.ThrowIfAny();
        return new MemberData(staffNumber!, name!, branchCode!, category!.Value, joined!.Value, specialty!);
    }
}
