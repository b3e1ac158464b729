using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Host.Security.SignIn;

/// <summary>
/// Who may hold a session, and the stamp a session keeps of it. A member and a secretary must be active members of
/// the roster (a secretary the secretary of the branch named); the leadership group's links name a member of the
/// roster too. The stamp is what the roster says of the person now (status, branch, whether they are the branch's
/// secretary): when it changes, the role or the membership has, and the session ends. Campus systems use bearer
/// tokens, never sessions.
/// </summary>
internal sealed class SessionPeople(IMembersModule members)
{
    /// <summary>The person's stamp, or why they cannot hold a session (in Chinese, for the person on the sign-in page).</summary>
    public async Task<(string? Stamp, string? Refusal)> StampAsync(TokenRequest person, CancellationToken cancellationToken)
    {
        var (stamp, why) = await CheckAsync(person, cancellationToken);
        return (stamp, why switch
        {
            NoSession.System => "校园业务系统使用访问令牌，不能通过登录链接登录。",
            NoSession.NotActive => $"{person.Subject} 不是在册党员，无法登录。",
            NoSession.NotSecretary => $"{person.Subject} 不是支部 {person.Branch} 的书记，无法以书记身份登录。",
            _ => null,
        });
    }

    /// <summary>The person's stamp, or the kind of reason they cannot hold a session.</summary>
    public async Task<(string? Stamp, NoSession Why)> CheckAsync(TokenRequest person, CancellationToken cancellationToken)
    {
        if (person.Role == CallerRole.System)
        {
            return (null, NoSession.System);
        }

        if (await members.FindMemberAsync(person.Subject, cancellationToken) is not { Status: MemberStatusCode.Active } member)
        {
            return (null, NoSession.NotActive);
        }

        // Checked on every request of a session: one branch's row, not the list.
        var secretaryOf = person.Role == CallerRole.Secretary && person.Branch is { } branch
            ? (await members.FindBranchAsync(branch, cancellationToken))?.SecretaryStaffNumber
            : null;
        if (person.Role == CallerRole.Secretary && secretaryOf != person.Subject)
        {
            return (null, NoSession.NotSecretary);
        }

        return ($"{member.Status}|{member.BranchCode}|{(secretaryOf == person.Subject ? "secretary" : "-")}", NoSession.None);
    }
}

/// <summary>Why a person cannot hold a session.</summary>
internal enum NoSession
{
    None,
    System,
    NotActive,
    NotSecretary,
}
