namespace Chuangji.Workflow.Host.Security;

/// <summary>How far a role reaches in one RPC: not at all, only its own (own cycle, own branch), or wherever.</summary>
internal enum Reach
{
    None,
    Own,
    Any,
}

/// <summary>What an RPC is about, read from its request, to judge "own": a branch, a member, rows of either, a fact, a check report.</summary>
internal enum TargetKind
{
    None,
    Branch,
    Member,
    BranchRows,
    MemberRows,
    Fact,
    CheckReport,

    /// <summary>A member field and a branch field (ListReminders, ListEvents, ListOpinions): a member by the first, a secretary by each one named.</summary>
    MemberOrBranch,

    /// <summary>Registrations (rows, or one): each row's branch, and the branch of a member it names who exists already.</summary>
    Registrations,
}

/// <summary>
/// Who may call one RPC: the member and the branch secretary within their reach, the leadership group, and
/// campus systems holding one of the scopes. Campus systems and the leadership group act college-wide.
/// </summary>
internal sealed record RpcPolicy(Reach Member, Reach Secretary, bool Leadership, IReadOnlyList<string> Scopes, RpcTarget Target);
