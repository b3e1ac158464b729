using Chuangji.Workflow.Host.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// Bearer tokens on every call: the signature, issuer, audience and lifetime are checked (the lifetime on
/// the service's own clock); a call without a valid token is UNAUTHENTICATED. Endpoints that opt out
/// (health, reflection) say so; every other endpoint requires an authenticated caller.
/// </summary>
internal static class AuthenticationRegistration
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static WebApplicationBuilder AddBearerTokens(this WebApplicationBuilder builder, PlatformOptions options)
    {
        var key = SigningKeys.Resolve(options);
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton(options.Auth);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((jwt, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Auth.Issuer,
                    ValidAudience = options.Auth.Audience,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = CallerClaims.Subject,
                    RoleClaimType = CallerClaims.Role,
                    ClockSkew = ClockSkew,
                    LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(time.GetUtcNow().UtcDateTime, notBefore, expires),
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    private static bool WithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires) =>
        expires is { } end && now <= end.Add(ClockSkew) && (notBefore is not { } start || now >= start.Subtract(ClockSkew));
}
