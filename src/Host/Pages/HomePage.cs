using System.Net;
using System.Text;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.AspNetCore.Antiforgery;

namespace Chuangji.Workflow.Host.Pages;

/// <summary>
/// <c>GET /</c>: who is signed in, the documents of the year within their reach (a member their scoring table, a
/// secretary the branch's, the leadership group the college's), and signing out. Without a session it says how to
/// get in. The links are the documents' own routes, under the same policies.
/// </summary>
internal static class HomePage
{
    public static WebApplication MapHomePage(this WebApplication app)
    {
        app.MapGet("/", async (HttpContext http, IAntiforgery antiforgery, IMembersModule members, CollegeClock clock) =>
        {
            if (Caller.From(http.User) is not { } caller)
            {
                return Html("""
                    <h1>“先锋创绩”工作系统</h1>
                    <p>请使用领导小组发给您的登录链接登录。链接有效期 30 分钟，只能使用一次。</p>
                    """);
            }

            var year = clock.LocalNow.Year;
            var name = (await members.FindMemberAsync(caller.Subject, http.RequestAborted))?.Name ?? caller.Subject;
            var body = new StringBuilder();
            body.Append(CultureInfoFree($"<h1>您好，{Encode(name)}</h1><p>身份：{Encode(RoleName(caller))}</p>"));
            body.Append(CultureInfoFree($"<h2>{year}年度文件</h2><ul>"));
            foreach (var (title, href) in Documents(caller, year))
            {
                body.Append(CultureInfoFree($"<li><a href=\"{href}\">{Encode(title)}</a></li>"));
            }

            body.Append("</ul>");
            var tokens = antiforgery.GetAndStoreTokens(http);
            body.Append(CultureInfoFree($"<form method=\"post\" action=\"/sign-out\"><input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{Encode(tokens.RequestToken ?? string.Empty)}\"><button type=\"submit\">退出登录</button></form>"));
            return Html(body.ToString());
        }).AllowAnonymous();
        return app;
    }

    private static IEnumerable<(string Title, string Href)> Documents(Caller caller, int year) => caller.Role switch
    {
        CallerRole.Member =>
        [
            ("我的考核评分表（PDF）", $"/documents/{year}/members/{caller.Subject}/scoring-table.pdf"),
            ("我的考核评分表（Excel）", $"/documents/{year}/members/{caller.Subject}/scoring-table.xlsx"),
        ],
        CallerRole.Secretary =>
        [
            ("本支部公示名单（PDF）", $"/documents/{year}/branches/{caller.Branch}/publicity.pdf"),
            ("本支部用绩名单（Excel）", $"/documents/{year}/branches/{caller.Branch}/outcomes.xlsx"),
            ("本支部材料整理汇集（zip）", $"/documents/{year}/branches/{caller.Branch}/dossier.zip"),
        ],
        CallerRole.Leadership =>
        [
            ("全院工作概况（Excel）", $"/documents/{year}/overview.xlsx"),
            ("全院用绩名单（PDF）", $"/documents/{year}/outcomes.pdf"),
            ("全院材料整理汇集（zip）", $"/documents/{year}/dossier.zip"),
        ],
        _ => [],
    };

    private static string RoleName(Caller caller) => caller.Role switch
    {
        CallerRole.Member => "党员",
        CallerRole.Secretary => $"支部书记（{caller.Branch}）",
        CallerRole.Leadership => "领导小组",
        _ => "校园业务系统",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string CultureInfoFree(FormattableString text) => FormattableString.Invariant(text);

    private static IResult Html(string body) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>先锋创绩</title>
        </head>
        <body>
          <main>
            {{body}}
          </main>
        </body>
        </html>
        """, "text/html; charset=utf-8");
}
