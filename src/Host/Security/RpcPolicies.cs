using static Chuangji.Workflow.Host.Security.Reach;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// The policy of every RPC the service offers (docs/security.md is this table in prose, and a test holds the
/// two together). An RPC missing here is refused to everyone: the default denies.
/// </summary>
internal static class RpcPolicies
{
    private const string Members = "/chuangji.members.v1.MembersService/";
    private const string Assessment = "/chuangji.assessment.v1.AssessmentService/";
    private const string Workflow = "/chuangji.workflow.v1.WorkflowService/";
    private const string Reminders = "/chuangji.workflow.v1.ReminderService/";
    private const string Checks = "/chuangji.workflow.v1.CheckReportService/";
    private const string Audit = "/chuangji.audit.v1.AuditService/";

    private static readonly RpcTarget StaffNumber = new(TargetKind.Member, "staff_number");
    private static readonly RpcTarget BranchCode = new(TargetKind.Branch, "branch_code");
    private static readonly RpcTarget MemberOrBranch = new(TargetKind.MemberOrBranch, "staff_number", "branch_code");

    public static readonly IReadOnlyDictionary<string, RpcPolicy> ByMethod = new Dictionary<string, RpcPolicy>(StringComparer.Ordinal)
    {
        [Members + "CreateBranch"] = Leadership(SystemScopes.Roster),
        [Members + "GetBranch"] = Everyone(),
        [Members + "ListBranches"] = Everyone(),
        [Members + "UpdateBranch"] = Leadership(SystemScopes.Roster),
        [Members + "RegisterMember"] = Secretaries(new RpcTarget(TargetKind.Registrations, "member"), SystemScopes.Roster),
        [Members + "ImportMembers"] = Secretaries(new RpcTarget(TargetKind.Registrations, "members"), SystemScopes.Roster),
        [Members + "GetMember"] = MembersAndSecretaries(StaffNumber, SystemScopes.Roster, SystemScopes.Reports),
        [Members + "ListMembers"] = Secretaries(BranchCode, SystemScopes.Roster, SystemScopes.Reports),
        [Members + "UpdateMember"] = Secretaries(StaffNumber, SystemScopes.Roster),
        [Members + "TransferMember"] = Leadership(SystemScopes.Roster),

        [Assessment + "GetRubric"] = Everyone(),
        [Assessment + "ReplaceRubric"] = Leadership(),
        [Assessment + "RecordEvent"] = Secretaries(new RpcTarget(TargetKind.Member, "fact.staff_number"), SystemScopes.Facts),
        [Assessment + "RecordEvents"] = Secretaries(new RpcTarget(TargetKind.MemberRows, "facts", "staff_number"), SystemScopes.Facts),
        [Assessment + "RevokeEvent"] = Secretaries(new RpcTarget(TargetKind.Fact, "fact_id"), SystemScopes.Facts),
        [Assessment + "ListEvents"] = MembersAndSecretaries(MemberOrBranch, SystemScopes.Facts, SystemScopes.Reports),
        [Assessment + "GetScorecard"] = MembersAndSecretaries(StaffNumber, SystemScopes.Reports),
        [Assessment + "ListScorecards"] = Secretaries(BranchCode, SystemScopes.Reports),
        [Assessment + "SummarizeYear"] = Leadership(SystemScopes.Reports),
        [Assessment + "ProposeBonusItems"] = Secretaries(BranchCode),
        [Assessment + "ApproveBonusItems"] = Leadership(),
        [Assessment + "ListBonusItems"] = Secretaries(BranchCode, SystemScopes.Reports),

        [Workflow + "GetDefaultCalendar"] = Everyone(),
        [Workflow + "OpenYear"] = Leadership(),
        [Workflow + "GetYear"] = Everyone(),
        [Workflow + "UpdateCalendar"] = Leadership(),
        [Workflow + "GetCycle"] = MembersAndSecretaries(StaffNumber, SystemScopes.Reports),
        [Workflow + "ListCycles"] = Secretaries(BranchCode, SystemScopes.Reports),
        [Workflow + "SubmitCommitment"] = MembersAndSecretaries(StaffNumber),
        [Workflow + "SubmitDeclaration"] = MembersAndSecretaries(StaffNumber),
        [Workflow + "SubmitOpinion"] = Secretaries(StaffNumber, SystemScopes.Opinions),
        // The branch meeting reads the masses' opinions; the member they are about does not, nor does the system that brought them.
        [Workflow + "ListOpinions"] = Secretaries(MemberOrBranch),
        [Workflow + "RaiseObjection"] = MembersAndSecretaries(StaffNumber),
        [Workflow + "ResolveObjection"] = Secretaries(StaffNumber),
        [Workflow + "AdvancePhase"] = Leadership(),
        [Workflow + "Determine"] = Secretaries(StaffNumber),
        [Workflow + "ApplyOutcome"] = Secretaries(StaffNumber),
        [Workflow + "ReopenCycle"] = Leadership(),
        [Workflow + "RetryScheduledWork"] = Leadership(),

        [Reminders + "WatchReminders"] = Leadership(SystemScopes.Reminders),
        [Reminders + "AckReminder"] = Leadership(SystemScopes.Reminders),
        [Reminders + "ListReminders"] = new(Own, Own, true, [SystemScopes.Reminders], new RpcTarget(TargetKind.MemberOrBranch, "staff_number", "branch_code")),

        [Checks + "ListCheckReports"] = Secretaries(BranchCode, SystemScopes.Reports),
        [Checks + "GetCheckReport"] = Secretaries(new RpcTarget(TargetKind.CheckReport, "id"), SystemScopes.Reports),

        [Audit + "ListAudit"] = Leadership(),
    };

    /// <summary>Read by anyone with a token: the calendar, the scoring table, the branch directory.</summary>
    private static RpcPolicy Everyone() => new(Any, Any, true, SystemScopes.All, RpcTarget.None);

    private static RpcPolicy Leadership(params string[] scopes) => new(None, None, true, scopes, RpcTarget.None);

    private static RpcPolicy Secretaries(RpcTarget target, params string[] scopes) => new(None, Own, true, scopes, target);

    private static RpcPolicy MembersAndSecretaries(RpcTarget target, params string[] scopes) => new(Own, Own, true, scopes, target);
}
