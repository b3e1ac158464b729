using System.Security.Claims;
using Chuangji.Workflow.Host.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chuangji.Workflow.Host.Security;

/// <summary>What a token says about its bearer.</summary>
internal sealed record TokenRequest(CallerRole Role, string Subject, string? Branch, IReadOnlyList<string> Scopes, TimeSpan Lifetime);

/// <summary>Signs bearer tokens (HS256) for operators, campus systems and tests.</summary>
internal sealed class TokenIssuer(SymmetricSecurityKey key, AuthSettings settings, TimeProvider time)
{
    public string Issue(TokenRequest request)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(CallerClaims.Of(request)),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(request.Lifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
