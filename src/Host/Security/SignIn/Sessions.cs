using System.Security.Claims;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.BuildingBlocks.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;

namespace Chuangji.Workflow.Host.Security.SignIn;

/// <summary>
/// A person's session in a browser, begun by a sign-in link: an HttpOnly, SameSite=Strict cookie holding the same
/// claims a bearer token holds (so every RPC's policy and the audit see the same caller), checked on every request
/// against the roster (the stamp), and an anti-forgery token on every request that changes something. A request with
/// an Authorization header is a bearer-token call, as before; one with the session cookie is the person's.
/// </summary>
internal static class Sessions
{
    public const string Scheme = "session";

    public const string CookieName = "chuangji.session";

    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    public const string StampClaim = "stamp";

    private const string BearerOrSession = "bearer-or-session";

    /// <summary>A session lasts a working day; then the person signs in again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder, PlatformOptions options)
    {
        var services = builder.Services;
        services.AddSingleton<SignInLinks>();
        services.AddSingleton<UsedSignInLinks>();
        services.AddSingleton<BuildingBlocks.Persistence.IModuleDatabase>(provider => provider.GetRequiredService<UsedSignInLinks>());
        services.AddScoped<SessionPeople>();
        // The cookie and the anti-forgery tokens are sealed with keys kept beside the signing key, so a restart keeps sessions.
        services.AddDataProtection()
            .SetApplicationName("chuangji-workflow")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.ResolveDataDirectory(), "data-protection-keys")));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryHeader;
            antiforgery.Cookie.Name = "chuangji.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(BearerOrSession)
            .AddPolicyScheme(BearerOrSession, null, policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(CookieName) ? Scheme : JwtBearerDefaults.AuthenticationScheme)
            .AddCookie(Scheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<TimeProvider>((cookie, time) =>
        {
            cookie.TimeProvider = time;
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = Lifetime;
            cookie.SlidingExpiration = false;
            cookie.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = EndIfTheRosterChangedAsync,
                OnRedirectToLogin = context => RefuseAsync(context.Response, StatusCodes.Status401Unauthorized, global::Grpc.Core.StatusCode.Unauthenticated, "your session has ended: sign in again with a new link"),
                OnRedirectToAccessDenied = context => RefuseAsync(context.Response, StatusCodes.Status403Forbidden, global::Grpc.Core.StatusCode.PermissionDenied, "not allowed"),
            };
        });
        return builder;
    }

    /// <summary>A person's principal: the claims of a token for them, and the roster's stamp of them now.</summary>
    public static ClaimsPrincipal Principal(TokenRequest person, string stamp)
    {
        var claims = CallerClaims.Of(person);
        claims.Add(new Claim(StampClaim, stamp));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, CallerClaims.Subject, CallerClaims.Role));
    }

    /// <summary>Requests that change something must carry the session's anti-forgery token (a bearer-token call needs none: no browser sends it by itself).</summary>
    public static WebApplication UseSessionAntiforgery(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: Scheme }
                && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
                && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await RefuseAsync(context.Response, StatusCodes.Status403Forbidden, global::Grpc.Core.StatusCode.PermissionDenied,
                    $"a change made in a session needs the session's anti-forgery token in the {AntiforgeryHeader} header (GET /session gives it)");
                return;
            }

            await next(context);
        });
        return app;
    }

    private static async Task EndIfTheRosterChangedAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var caller = principal is null ? null : Caller.From(principal);
        var stamp = principal?.FindFirst(StampClaim)?.Value;
        if (caller is not null && stamp is not null)
        {
            var person = new TokenRequest(caller.Role, caller.Subject, caller.Branch.Length == 0 ? null : caller.Branch, [], TimeSpan.Zero);
            var (now, _) = await context.HttpContext.RequestServices.GetRequiredService<SessionPeople>().StampAsync(person, context.HttpContext.RequestAborted);
            if (now == stamp)
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    private static Task RefuseAsync(HttpResponse response, int httpStatus, global::Grpc.Core.StatusCode code, string message) =>
        RpcStatusJson.WriteAsync(response, httpStatus, code, message);
}
