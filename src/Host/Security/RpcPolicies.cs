using Chuangji.Assessment.V1;
using Chuangji.Documents.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.V1;
using static Chuangji.Workflow.Host.Security.Reach;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// The policy of every RPC the service offers (docs/security.md is this table in prose, and a test holds the
/// two together). An RPC missing here is refused to everyone: the default denies. What a call is about is
/// selected on its own request type (<see cref="Target"/>): a field that is not there does not compile.
/// </summary>
internal static class RpcPolicies
{
    private const string Members = "/chuangji.members.v1.MembersService/";
    private const string Assessment = "/chuangji.assessment.v1.AssessmentService/";
    private const string Workflow = "/chuangji.workflow.v1.WorkflowService/";
    private const string Reminders = "/chuangji.workflow.v1.ReminderService/";
    private const string Checks = "/chuangji.workflow.v1.CheckReportService/";
    private const string Audit = "/chuangji.audit.v1.AuditService/";
    private const string Documents = "/chuangji.documents.v1.DocumentService/";
    private const string Access = "/chuangji.access.v1.AccessService/";

    public static readonly IReadOnlyDictionary<string, RpcPolicy> ByMethod = new Dictionary<string, RpcPolicy>(StringComparer.Ordinal)
    {
        [Members + "CreateBranch"] = Leadership(SystemScopes.Roster),
        [Members + "GetBranch"] = Everyone(),
        [Members + "ListBranches"] = Everyone(),
        [Members + "UpdateBranch"] = Leadership(SystemScopes.Roster),
        [Members + "RegisterMember"] = Secretaries(Target.Registration<RegisterMemberRequest, MemberRegistration>(r => r.Member, m => m.StaffNumber, m => m.BranchCode), SystemScopes.Roster),
        [Members + "ImportMembers"] = Secretaries(Target.Registrations<ImportMembersRequest, MemberRegistration>(r => r.Members, m => m.StaffNumber, m => m.BranchCode), SystemScopes.Roster),
        [Members + "GetMember"] = MembersAndSecretaries(Target.Member<GetMemberRequest>(r => r.StaffNumber), SystemScopes.Roster, SystemScopes.Reports),
        [Members + "ListMembers"] = Secretaries(Target.Branch<ListMembersRequest>(r => r.BranchCode), SystemScopes.Roster, SystemScopes.Reports),
        [Members + "UpdateMember"] = Secretaries(Target.Member<UpdateMemberRequest>(r => r.StaffNumber), SystemScopes.Roster),
        [Members + "TransferMember"] = Leadership(SystemScopes.Roster),

        [Assessment + "GetRubric"] = Everyone(),
        [Assessment + "ReplaceRubric"] = Leadership(),
        [Assessment + "RecordEvent"] = Secretaries(Target.Member<RecordEventRequest>(r => r.Fact.StaffNumber), SystemScopes.Facts),
        [Assessment + "RecordEvents"] = Secretaries(Target.MemberRows<RecordEventsRequest, FactInput>(r => r.Facts, f => f.StaffNumber), SystemScopes.Facts),
        [Assessment + "RevokeEvent"] = Secretaries(Target.Fact<RevokeEventRequest>(r => r.FactId), SystemScopes.Facts),
        [Assessment + "ListEvents"] = MembersAndSecretaries(Target.MemberOrBranch<ListEventsRequest>(r => r.StaffNumber, r => r.BranchCode), SystemScopes.Facts, SystemScopes.Reports),
        [Assessment + "GetScorecard"] = MembersAndSecretaries(Target.Member<GetScorecardRequest>(r => r.StaffNumber), SystemScopes.Reports),
        [Assessment + "ListScorecards"] = Secretaries(Target.Branch<ListScorecardsRequest>(r => r.BranchCode), SystemScopes.Reports),
        [Assessment + "SummarizeYear"] = Leadership(SystemScopes.Reports),
        [Assessment + "ProposeBonusItems"] = Secretaries(Target.Branch<ProposeBonusItemsRequest>(r => r.BranchCode)),
        [Assessment + "ApproveBonusItems"] = Leadership(),
        [Assessment + "ListBonusItems"] = Secretaries(Target.Branch<ListBonusItemsRequest>(r => r.BranchCode), SystemScopes.Reports),

        [Workflow + "GetDefaultCalendar"] = Everyone(),
        [Workflow + "OpenYear"] = Leadership(),
        [Workflow + "GetYear"] = Everyone(),
        [Workflow + "UpdateCalendar"] = Leadership(),
        [Workflow + "GetCycle"] = MembersAndSecretaries(Target.Member<GetCycleRequest>(r => r.StaffNumber), SystemScopes.Reports),
        [Workflow + "ListCycles"] = Secretaries(Target.Branch<ListCyclesRequest>(r => r.BranchCode), SystemScopes.Reports),
        [Workflow + "SubmitCommitment"] = MembersAndSecretaries(Target.Member<SubmitCommitmentRequest>(r => r.StaffNumber)),
        [Workflow + "SubmitDeclaration"] = MembersAndSecretaries(Target.Member<SubmitDeclarationRequest>(r => r.StaffNumber)),
        [Workflow + "SubmitOpinion"] = Secretaries(Target.Member<SubmitOpinionRequest>(r => r.StaffNumber), SystemScopes.Opinions),
        // The branch meeting reads the masses' opinions; the member they are about does not, nor does the system that brought them.
        [Workflow + "ListOpinions"] = Secretaries(Target.MemberOrBranch<ListOpinionsRequest>(r => r.StaffNumber, r => r.BranchCode)),
        [Workflow + "RaiseObjection"] = MembersAndSecretaries(Target.Member<RaiseObjectionRequest>(r => r.StaffNumber)),
        [Workflow + "ResolveObjection"] = Secretaries(Target.Member<ResolveObjectionRequest>(r => r.StaffNumber)),
        [Workflow + "AdvancePhase"] = Leadership(),
        [Workflow + "Determine"] = Secretaries(Target.Member<DetermineRequest>(r => r.StaffNumber)),
        [Workflow + "ApplyOutcome"] = Secretaries(Target.Member<ApplyOutcomeRequest>(r => r.StaffNumber)),
        [Workflow + "ReopenCycle"] = Leadership(),
        [Workflow + "RetryScheduledWork"] = Leadership(),

        [Reminders + "WatchReminders"] = Leadership(SystemScopes.Reminders),
        [Reminders + "AckReminder"] = Leadership(SystemScopes.Reminders),
        [Reminders + "ListReminders"] = new(Own, Own, true, [SystemScopes.Reminders], Target.MemberOrBranch<ListRemindersRequest>(r => r.StaffNumber, r => r.BranchCode)),

        [Checks + "ListCheckReports"] = Secretaries(Target.Branch<ListCheckReportsRequest>(r => r.BranchCode), SystemScopes.Reports),
        [Checks + "GetCheckReport"] = Secretaries(Target.CheckReport<GetCheckReportRequest>(r => r.Id), SystemScopes.Reports),

        [Audit + "ListAudit"] = Leadership(),
        [Access + "IssueSignInLink"] = Leadership(),

        // A member files their own scoring table; the branch posts and compiles its own; the college's are the leadership group's.
        [Documents + "GetPublicityList"] = Secretaries(Target.Branch<GetPublicityListRequest>(r => r.BranchCode), SystemScopes.Reports),
        [Documents + "GetScoringTable"] = MembersAndSecretaries(Target.Member<GetScoringTableRequest>(r => r.StaffNumber), SystemScopes.Reports),
        [Documents + "GetOutcomeList"] = Secretaries(Target.Branch<GetOutcomeListRequest>(r => r.BranchCode), SystemScopes.Reports),
        [Documents + "GetDossier"] = Secretaries(Target.Branch<GetDossierRequest>(r => r.BranchCode), SystemScopes.Reports),
        [Documents + "GetCollegeOverview"] = Leadership(SystemScopes.Reports),
        [Documents + "GetCollegeProgress"] = Leadership(SystemScopes.Reports),
    };

    /// <summary>Read by anyone with a token: the calendar, the scoring table, the branch directory.</summary>
    private static RpcPolicy Everyone() => new(Any, Any, true, SystemScopes.All, RpcTarget.None);

    private static RpcPolicy Leadership(params string[] scopes) => new(None, None, true, scopes, RpcTarget.None);

    private static RpcPolicy Secretaries(RpcTarget target, params string[] scopes) => new(None, Own, true, scopes, target);

    private static RpcPolicy MembersAndSecretaries(RpcTarget target, params string[] scopes) => new(Own, Own, true, scopes, target);
}
