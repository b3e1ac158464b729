using System.Security.Claims;

namespace Chuangji.Workflow.Host.Security;

/// <summary>The authenticated caller as its token describes it.</summary>
internal sealed record Caller(CallerRole Role, string Subject, string Branch, IReadOnlySet<string> Scopes)
{
    /// <summary>Null when the token lacks what its role needs (a role, a secretary's branch): such a caller may do nothing.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        if (!CallerClaims.TryParse(principal.FindFirstValue(CallerClaims.Role), out var role))
        {
            return null;
        }

        var subject = principal.FindFirstValue(CallerClaims.Subject) ?? string.Empty;
        var branch = principal.FindFirstValue(CallerClaims.Branch) ?? string.Empty;
        var scopes = (principal.FindFirstValue(CallerClaims.Scope) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        // Every caller is someone: what they do is recorded under their subject.
        return role switch
        {
            _ when subject.Length == 0 => null,
            CallerRole.Secretary when branch.Length == 0 => null,
            _ => new Caller(role, subject, branch, scopes),
        };
    }

    public string Describe() => Role switch
    {
        CallerRole.Member => $"member {Subject}",
        CallerRole.Secretary => $"the secretary of branch {Branch}",
        CallerRole.Leadership => "the leadership group",
        _ => $"campus system {Subject} (scopes: {string.Join(' ', Scopes.Order(StringComparer.Ordinal))})",
    };
}
