using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Google.Protobuf;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// Judges one call against its RPC's policy: the role first, then, for a member or a secretary limited to
/// their own, what the request is about (a branch, a member, rows, a fact, a check report), looked up
/// through the modules' contracts; the request's fields are read by the policy's typed selectors (see
/// <see cref="Target"/>), not by name. A refusal is PERMISSION_DENIED saying why; it happens before the
/// handler runs, so nothing changes.
/// </summary>
internal sealed class RpcAuthorizer(IMembersModule members, IAssessmentModule assessment, IWorkflowModule workflow)
{
    public async Task EnsureAllowedAsync(string method, Caller caller, IMessage request, CancellationToken cancellationToken)
    {
        if (!RpcPolicies.ByMethod.TryGetValue(method, out var policy))
        {
            throw Denied(method, caller, "the RPC has no policy, and what has none is refused");
        }

        switch (caller.Role)
        {
            case CallerRole.Leadership when policy.Leadership:
                return;
            case CallerRole.System when policy.Scopes.Any(caller.Scopes.Contains):
                return;
            case CallerRole.System:
                throw Denied(method, caller, policy.Scopes.Count == 0
                    ? "no campus system may call it"
                    : $"it needs the scope {string.Join(" or ", policy.Scopes)}");
            case CallerRole.Member when policy.Member == Reach.Any:
            case CallerRole.Secretary when policy.Secretary == Reach.Any:
                return;
            case CallerRole.Member when policy.Member == Reach.Own:
                await EnsureOwnMemberAsync(method, caller, policy.Target, request);
                return;
            case CallerRole.Secretary when policy.Secretary == Reach.Own:
                await EnsureOwnBranchAsync(method, caller, policy.Target, request, cancellationToken);
                return;
            default:
                throw Denied(method, caller, "the role may not call it");
        }
    }

    /// <summary>
    /// Whether the role may call the RPC at all, within its reach: for a call already judged against its own
    /// policy, "own" is what that call is about (the member's own cycle, the secretary's branch), which is
    /// how a module offers a caller only the steps it may take.
    /// </summary>
    public static bool Reaches(string method, Caller caller) =>
        RpcPolicies.ByMethod.TryGetValue(method, out var policy) && caller.Role switch
        {
            CallerRole.Leadership => policy.Leadership,
            CallerRole.System => policy.Scopes.Any(caller.Scopes.Contains),
            CallerRole.Member => policy.Member != Reach.None,
            CallerRole.Secretary => policy.Secretary != Reach.None,
            _ => false,
        };

    private static Task EnsureOwnMemberAsync(string method, Caller caller, RpcTarget target, IMessage request)
    {
        var named = target.Kind is TargetKind.Member or TargetKind.MemberOrBranch ? target.Text(request) : string.Empty;
        return named == caller.Subject
            ? Task.CompletedTask
            : throw Denied(method, caller, named.Length == 0 ? "a member may only ask about themselves; name your own staff number" : $"a member may act only on their own cycle, not on {Echo.Of(named)}'s");
    }

    private async Task EnsureOwnBranchAsync(string method, Caller caller, RpcTarget target, IMessage request, CancellationToken cancellationToken)
    {
        var branches = target.Kind switch
        {
            TargetKind.Branch => [target.Text(request)],
            TargetKind.BranchRows => target.RowTexts(request).ToList(),
            TargetKind.Member => [await BranchOfMemberAsync(target.Text(request), cancellationToken)],
            TargetKind.MemberRows => await BranchesOfMembersAsync(target.RowTexts(request), cancellationToken),
            TargetKind.Fact => [await BranchOfFactAsync(target.Number(request), cancellationToken)],
            TargetKind.CheckReport => [await workflow.CheckReportBranchAsync(target.Number(request), cancellationToken) ?? string.Empty],
            TargetKind.MemberOrBranch => await BranchesOfMemberOrBranchAsync(target.Text(request), target.SecondText(request), cancellationToken),
            TargetKind.Registrations => await BranchesOfRegistrationsAsync(request, target, caller.Branch, cancellationToken),
            _ => [string.Empty],
        };
        var foreign = branches.FirstOrDefault(b => b != caller.Branch);
        if (foreign is not null)
        {
            throw Denied(method, caller, foreign switch
            {
                "" when target.Kind == TargetKind.Branch => $"an empty {target.Path} asks for the whole college, and a secretary acts within branch {caller.Branch} only",
                "" => $"a secretary acts within branch {caller.Branch}; the request names no member or branch of it",
                _ => $"a secretary acts within branch {caller.Branch}, and this concerns branch {Echo.Of(foreign)}",
            });
        }
    }

    private async Task<string> BranchOfMemberAsync(string staffNumber, CancellationToken cancellationToken) =>
        staffNumber.Length == 0 ? string.Empty : (await members.FindMemberAsync(staffNumber, cancellationToken))?.BranchCode ?? string.Empty;

    /// <summary>The branch named and the named member's branch: each one named must be the secretary's own.</summary>
    private async Task<List<string>> BranchesOfMemberOrBranchAsync(string staffNumber, string branchCode, CancellationToken cancellationToken)
    {
        var branches = new List<string>();
        if (branchCode.Length > 0)
        {
            branches.Add(branchCode);
        }

        if (staffNumber.Length > 0 || branches.Count == 0)
        {
            branches.Add(await BranchOfMemberAsync(staffNumber, cancellationToken));
        }

        return branches;
    }

    private async Task<List<string>> BranchesOfMembersAsync(IEnumerable<string> staffNumbers, CancellationToken cancellationToken)
    {
        var wanted = staffNumbers.ToList();
        var found = await members.FindMembersAsync(wanted, cancellationToken);
        return wanted.Select(s => found.TryGetValue(s, out var member) ? member.BranchCode : string.Empty).ToList();
    }

    /// <summary>
    /// Each row's branch, and, for a row naming a member who exists already, that member's branch: a
    /// registration is answered with the stored member's data when it differs, which must not tell a
    /// secretary about another branch's members.
    /// </summary>
    private async Task<List<string>> BranchesOfRegistrationsAsync(IMessage request, RpcTarget target, string own, CancellationToken cancellationToken)
    {
        var rows = target.Registrations(request);
        var existing = await members.FindMembersAsync(rows.Select(r => r.StaffNumber).Where(s => s.Length > 0).ToList(), cancellationToken);
        return rows.SelectMany(r => new[]
        {
            r.BranchCode,
            existing.TryGetValue(r.StaffNumber, out var member) ? member.BranchCode : own,
        }).ToList();
    }

    private async Task<string> BranchOfFactAsync(long factId, CancellationToken cancellationToken) =>
        await assessment.FactStaffNumberAsync(factId, cancellationToken) is { } staffNumber ? await BranchOfMemberAsync(staffNumber, cancellationToken) : string.Empty;

    private static PermissionDeniedException Denied(string method, Caller caller, string reason) =>
        new(method.TrimStart('/'), caller.Describe(), reason);
}
