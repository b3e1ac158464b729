using System.Net;
using System.Text;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Documents.Http;

/// <summary>The public index of the lists being posted now: a link per branch whose publicity window is open.</summary>
internal static class PublicityIndex
{
    private const string Head =
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>“先锋创绩”公示</title><style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#1a1a1a}h1{font-size:1.4rem;border-bottom:3px solid #a8071a;padding-bottom:.5rem}a{color:#a8071a}</style></head><body>";

    /// <summary>The answer to a list that is not being posted (before its window, after it, or no such list).</summary>
    public static string NotPosted() =>
        Head + "<h1>党员“先锋创绩”公示</h1><p>这份名单目前不在公示期内：公示期结束后即撤下，公示开始前尚未张贴。</p>" +
        "<p><a href=\"/publicity\">查看正在公示的名单</a></p></body></html>";

    public static string Html(int year, IReadOnlyList<BranchRecord> open)
    {
        var page = new StringBuilder();
        page.Append(Head).Append("<h1>").Append(year).Append("年度党员“先锋创绩”公示</h1>");
        if (open.Count == 0)
        {
            page.Append("<p>目前没有正在公示的名单。各支部的考核结果在亮绩阶段公示，公示期内可在此查看。</p>");
        }
        else
        {
            page.Append("<p>以下支部的考核结果正在公示，接受党员群众监督：</p><ul>");
            foreach (var branch in open)
            {
                page.Append("<li><a href=\"/publicity/").Append(year).Append('/').Append(WebUtility.UrlEncode(branch.Code)).Append("\">")
                    .Append(WebUtility.HtmlEncode(branch.Name)).Append("</a></li>");
            }

            page.Append("</ul>");
        }

        return page.Append("</body></html>").ToString();
    }
}
