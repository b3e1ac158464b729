using System.Security.Claims;
using Chuangji.Workflow.Host.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chuangji.Workflow.Host.Security.SignIn;

/// <summary>
/// One-time sign-in links for people: a short-lived token for one person (role, staff number, branch), signed with the
/// service's key for an audience of its own, so a link is never a bearer token and a bearer token never a link. The
/// token travels in the link's fragment (<c>/sign-in#…</c>), which browsers do not send, log or pass on as a referrer;
/// the sign-in page posts it once.
/// </summary>
internal sealed class SignInLinks(SymmetricSecurityKey key, AuthSettings settings, TimeProvider time)
{
    /// <summary>How long a link may wait to be used: long enough to open a message, short enough to go stale in an inbox.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private string Audience => $"{settings.Audience}/sign-in";

    /// <summary>Where people reach the service: <c>Chuangji:Auth:PublicUrl</c>, else the HTTP endpoint's URL.</summary>
    public static string BaseUrl(AuthSettings settings, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(settings.PublicUrl) ? configuration["Kestrel:Endpoints:Http:Url"] ?? "http://127.0.0.1:5081" : settings.PublicUrl;

    public IssuedLink Issue(TokenRequest person, string baseUrl)
    {
        var now = time.GetUtcNow();
        var claims = CallerClaims.Of(person);
        claims.Add(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")));
        var expires = now.Add(Lifetime);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedLink($"{baseUrl.TrimEnd('/')}/sign-in#{token}", expires);
    }

    /// <summary>The link's person and its one-time id, or why it cannot be used.</summary>
    public async Task<LinkReading> ReadAsync(string token)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            // A minute's leeway before the start, as for bearer tokens: the machine that printed the link may run a little ahead.
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } end && now <= end && (notBefore is not { } start || now >= start.AddMinutes(-1)),
        });
        if (!result.IsValid)
        {
            return LinkReading.Refused(result.Exception switch
            {
                SecurityTokenInvalidLifetimeException => "此登录链接已过期，请重新获取。",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "此链接不是本系统签发的登录链接。",
                SecurityTokenInvalidAudienceException or SecurityTokenInvalidIssuerException => "此链接不是本系统的登录链接。",
                _ => "此链接不是有效的登录链接。",
            });
        }

        var claims = result.ClaimsIdentity;
        if (!CallerClaims.TryParse(claims.FindFirst(CallerClaims.Role)?.Value, out var role)
            || claims.FindFirst(CallerClaims.Subject)?.Value is not { Length: > 0 } subject
            || claims.FindFirst(JwtRegisteredClaimNames.Jti)?.Value is not { Length: > 0 } id)
        {
            return LinkReading.Refused("此登录链接没有指明登录人。");
        }

        var scopes = (claims.FindFirst(CallerClaims.Scope)?.Value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var person = new TokenRequest(role, subject, claims.FindFirst(CallerClaims.Branch)?.Value, scopes, TimeSpan.Zero);
        return new LinkReading(person, id, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero), null);
    }
}

internal sealed record IssuedLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>A link read: the person and the link's id, or the reason it is refused.</summary>
internal sealed record LinkReading(TokenRequest? Person, string Id, DateTimeOffset ExpiresAt, string? Refusal)
{
    public static LinkReading Refused(string why) => new(null, string.Empty, default, why);
}
