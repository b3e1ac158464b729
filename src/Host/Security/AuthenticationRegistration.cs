using Chuangji.Workflow.BuildingBlocks.Http;
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
                jwt.Events = new JwtBearerEvents { OnChallenge = SayWhy };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>Throws the kind of failure, so the refusal can say which it was.</summary>
    private static bool WithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires)
    {
        if (expires is not { } end)
        {
            throw new SecurityTokenNoExpirationException("the token has no expiry");
        }

        if (now > end.Add(ClockSkew))
        {
            throw new SecurityTokenExpiredException("the token has expired") { Expires = end };
        }

        if (notBefore is { } start && now < start.Subtract(ClockSkew))
        {
            throw new SecurityTokenNotYetValidException("the token is not valid yet") { NotBefore = start };
        }

        return true;
    }

    /// <summary>
    /// A gRPC caller gets UNAUTHENTICATED with the class of failure as the status message (a bare 401 says
    /// nothing); other callers get 401 with the standard WWW-Authenticate challenge and the same words as JSON,
    /// shaped as every other refusal over HTTP.
    /// </summary>
    private static Task SayWhy(JwtBearerChallengeContext context)
    {
        var why = AuthenticationFailures.Describe(context.AuthenticateFailure, context.Request.Headers.Authorization.ToString());
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            context.HandleResponse();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            // RFC 6750: a request without credentials gets the bare challenge; a bad token gets the error and why.
            context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.Count == 0
                ? "Bearer"
                : $"Bearer error=\"invalid_token\", error_description=\"{why.Replace("\"", "'", StringComparison.Ordinal)}\"";
            return RpcStatusJson.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, global::Grpc.Core.StatusCode.Unauthenticated, why);
        }

        context.HandleResponse();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = "16";
        response.Headers["grpc-message"] = Uri.EscapeDataString(why);
        return Task.CompletedTask;
    }
}
