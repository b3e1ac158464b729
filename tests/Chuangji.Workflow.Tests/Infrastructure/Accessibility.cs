using Deque.AxeCore.Commons;
using PuppeteerSharp;

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// axe-core (ADR 23) run inside the page as it stands: the WCAG 2.x A and AA rules (labels, names, contrast, landmarks,
/// ARIA), each violation as "rule (impact): the elements". The script is evaluated through the DevTools protocol, which
/// the page's content security policy does not govern, so the page is checked as it is served.
/// </summary>
internal static class Accessibility
{
    private static readonly Lazy<string> Axe = new(() => new BundledAxeScriptProvider().GetScript());

    public static async Task<string[]> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateExpressionAsync<bool>("typeof window.axe === 'object'"))
        {
            await page.EvaluateExpressionAsync(Axe.Value);
        }

        return await page.EvaluateExpressionAsync<string[]>("""
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`))
            """);
    }
}
