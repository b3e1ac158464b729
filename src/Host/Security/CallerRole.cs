namespace Chuangji.Workflow.Host.Security;

/// <summary>Who may call: a party member, a branch secretary, the leadership group, or a campus system (by its scopes).</summary>
internal enum CallerRole
{
    Member,
    Secretary,
    Leadership,
    System,
}

/// <summary>The claims a token carries, as the token command writes and the service reads them.</summary>
internal static class CallerClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Branch = "branch";
    public const string Scope = "scope";

    public static string Name(CallerRole role) => role.ToString().ToLowerInvariant();

    /// <summary>What a token, a sign-in link and a session say of their bearer: subject, role, and the branch and scopes when there are any.</summary>
    public static List<System.Security.Claims.Claim> Of(TokenRequest bearer)
    {
        var claims = new List<System.Security.Claims.Claim> { new(Subject, bearer.Subject), new(Role, Name(bearer.Role)) };
        if (!string.IsNullOrEmpty(bearer.Branch))
        {
            claims.Add(new(Branch, bearer.Branch));
        }

        if (bearer.Scopes.Count > 0)
        {
            claims.Add(new(Scope, string.Join(' ', bearer.Scopes)));
        }

        return claims;
    }

    public static bool TryParse(string? text, out CallerRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
