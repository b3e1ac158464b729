using Chuangji.Members.V1;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Grpc;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Roster;
using Proto = Chuangji.Members.V1;

namespace Chuangji.Workflow.Modules.Members.Grpc;

/// <summary>Proto messages to and from the module's own types; nothing else.</summary>
internal static class MembersMapping
{
    public static Proto.Branch ToProto(this Domain.Branch branch) => new()
    {
        Code = branch.Code,
        Name = branch.Name,
        SecretaryName = branch.SecretaryName,
        SecretaryStaffNumber = branch.SecretaryStaffNumber,
        Version = branch.Version,
    };

    public static Proto.Member ToProto(this Domain.Member member)
    {
        var proto = new Proto.Member
        {
            StaffNumber = member.StaffNumber,
            Name = member.Name,
            BranchCode = member.BranchCode,
            Category = (Proto.MemberCategory)(int)member.Category,
            Status = (Proto.MemberStatus)(int)member.Status,
            JoinedPartyOn = IsoDate.Format(member.JoinedPartyOn),
            Specialty = member.Specialty,
            Version = member.Version,
        };
        foreach (var stretch in member.History.OrderBy(h => h.FromDate).ThenBy(h => h.Id))
        {
            proto.BranchHistory.Add(new BranchMembership
            {
                BranchCode = stretch.BranchCode,
                FromDate = IsoDate.Format(stretch.FromDate),
                UntilDate = IsoDate.Format(stretch.UntilDate),
                Note = stretch.Note,
            });
        }

        return proto;
    }

    public static MemberRegistrationInput ToInput(this MemberRegistration? registration) => registration is null
        ? new MemberRegistrationInput(string.Empty, string.Empty, string.Empty, 0, string.Empty, string.Empty)
        : new MemberRegistrationInput(
            registration.StaffNumber,
            registration.Name,
            registration.BranchCode,
            (int)registration.Category,
            registration.JoinedPartyOn,
            registration.Specialty);

    public static ImportMemberResult ToProto(this RegistrationOutcome outcome)
    {
        var result = new ImportMemberResult
        {
            Row = outcome.Row,
            StaffNumber = outcome.StaffNumber,
            Outcome = outcome switch
            {
                { Error: not null } => ImportOutcome.Rejected,
                { Created: true } => ImportOutcome.Created,
                _ => ImportOutcome.Unchanged,
            },
        };
        if (outcome.Member is { } member)
        {
            result.Member = member.ToProto();
        }

        if (outcome.Error is { } error)
        {
            result.Error = error.ToRowError();
        }

        return result;
    }

    private static RowError ToRowError(this DomainException error)
    {
        var rowError = new RowError { Code = DomainErrorStatus.CanonicalName(DomainErrorStatus.CodeOf(error)), Message = error.Message };
        foreach (var field in DomainErrorStatus.FieldsOf(error))
        {
            rowError.FieldViolations.Add(new Proto.FieldViolation { Field = field.Field, Description = field.Description });
        }

        return rowError;
    }
}
