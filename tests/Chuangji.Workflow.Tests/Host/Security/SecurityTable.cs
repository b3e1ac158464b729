using System.Text;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Host.Security;

/// <summary>docs/security.md's table of every RPC against every caller, rendered from the policies and read back.</summary>
internal static class SecurityTable
{
    public const string Begin = "<!-- rpc-table:begin -->";
    public const string End = "<!-- rpc-table:end -->";

    public static readonly string[] Columns =
        ["member: own", "member: another's", "secretary: own branch", "secretary: another branch", "leadership", "campus system"];

    public static string DocumentPath => Path.Combine(RepositoryRoot.Path, "docs", "security.md");

    public static string Render()
    {
        var table = new StringBuilder();
        table.Append("| RPC | ").AppendJoin(" | ", Columns).AppendLine(" |");
        table.Append("|---|").AppendJoin(string.Empty, Columns.Select(_ => "---|")).AppendLine();
        foreach (var (method, policy) in RpcPolicies.ByMethod.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string[] cells =
            [
                Mark(policy.Member != Reach.None),
                Mark(policy.Member == Reach.Any),
                Mark(policy.Secretary != Reach.None),
                Mark(policy.Secretary == Reach.Any),
                Mark(policy.Leadership),
                policy.Scopes.Count == 0 ? "✗" : policy.Scopes.Count == SystemScopes.All.Count ? "any scope" : string.Join(", ", policy.Scopes),
            ];
            table.Append("| `").Append(method.TrimStart('/')).Append("` | ").AppendJoin(" | ", cells).AppendLine(" |");
        }

        return table.ToString();
    }

    /// <summary>The table as docs/security.md has it: RPC → the six cells.</summary>
    public static IReadOnlyDictionary<string, string[]> Read()
    {
        var text = File.ReadAllText(DocumentPath);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        return text[(start + Begin.Length)..end]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[0].Trim('`'), cells => cells[1..]);
    }

    public static string Section(string table) => $"{Begin}\n{table}{End}";

    private static string Mark(bool allowed) => allowed ? "✓" : "✗";
}
