using System.Net;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Chuangji.Workflow.Host.Security.SignIn;

/// <summary>
/// The way in for people: <c>GET /sign-in</c> (the page a link opens; it posts the link's token from the fragment),
/// <c>POST /sign-in</c> (uses the link once and begins the session), <c>POST /sign-out</c>, and <c>GET /session</c>
/// (who is signed in, and the anti-forgery token the pages send with every change).
/// </summary>
internal static class SignInEndpoints
{
    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapGet("/sign-in", () => Html(Page("登录", """
            <p id="status">正在读取登录链接……</p>
            <form method="post" action="/sign-in" id="sign-in" hidden>
              <input type="hidden" name="token" id="token">
              <button type="submit">登录“先锋创绩”系统</button>
            </form>
            <noscript><p>请启用浏览器的 JavaScript 后重新打开登录链接。</p></noscript>
            <script src="/sign-in.js"></script>
            """))).AllowAnonymous();
        app.MapGet("/sign-in.js", () => Results.Text(SignInScript, "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapPost("/sign-in", SignInAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(Sessions.Scheme);
            // To the console, which says "请登录" and links the public lists: the sign-in page would ask for a link's token.
            return Results.Redirect("/", permanent: false);
        }).RequireAuthorization();
        app.MapGet("/session", async (HttpContext http, IAntiforgery antiforgery, IMembersModule members, CollegeClock clock) =>
        {
            var caller = Caller.From(http.User);
            var name = caller is null ? null : (await members.FindMemberAsync(caller.Subject, http.RequestAborted))?.Name;
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Json(new
            {
                subject = caller?.Subject ?? string.Empty,
                name = name ?? string.Empty,
                role = caller is null ? string.Empty : CallerClaims.Name(caller.Role),
                branchCode = caller?.Branch ?? string.Empty,
                // The college's year by the service's clock, which may be moved (a walk through a year), not the browser's.
                year = clock.LocalNow.Year,
                antiforgeryToken = tokens.RequestToken,
                antiforgeryHeader = Sessions.AntiforgeryHeader,
            });
        }).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInLinks links, UsedSignInLinks used, SessionPeople people, TimeProvider time)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var token = form?["token"].ToString() ?? string.Empty;
        if (token.Length is 0 or > 4096)
        {
            return Refused("没有收到登录链接，请从收到的链接重新打开本页。");
        }

        var link = await links.ReadAsync(token);
        if (link.Person is not { } person)
        {
            return Refused(link.Refusal!);
        }

        var (stamp, refusal) = await people.StampAsync(person, http.RequestAborted);
        if (stamp is null)
        {
            return Refused(refusal!);
        }

        if (!await used.TryUseAsync(link.Id, person.Subject, time.GetUtcNow(), link.ExpiresAt, http.RequestAborted))
        {
            return Refused("此登录链接已经使用过：每个链接只能登录一次，请重新获取。");
        }

        await http.SignInAsync(Sessions.Scheme, Sessions.Principal(person, stamp));
        return Results.Redirect("/", permanent: false);
    }

    private static IResult Refused(string why) =>
        Html(Page("无法登录", $"<p role=\"alert\">{WebUtility.HtmlEncode(why)}</p>"), StatusCodes.Status400BadRequest);

    private static IResult Html(string page, int status = StatusCodes.Status200OK) =>
        Results.Content(page, "text/html; charset=utf-8", statusCode: status);

    private static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}} · 先锋创绩</title>
        </head>
        <body>
          <main>
            <h1>{{title}}</h1>
            {{body}}
          </main>
        </body>
        </html>
        """;

    /// <summary>Moves the token from the fragment (never sent to a server) into the form, and drops it from the address bar.</summary>
    private const string SignInScript = """
        (function () {
          var token = decodeURIComponent(window.location.hash.replace(/^#/, ""));
          var status = document.getElementById("status");
          if (!token) { status.textContent = "链接中没有登录凭据，请从收到的链接重新打开。"; return; }
          history.replaceState(null, "", window.location.pathname);
          document.getElementById("token").value = token;
          status.textContent = "点击下面的按钮完成登录。登录链接只能使用一次。";
          document.getElementById("sign-in").hidden = false;
        })();
        """;
}
