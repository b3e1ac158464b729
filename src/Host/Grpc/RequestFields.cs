using System.Collections;
using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Google.Protobuf;

namespace Chuangji.Workflow.Host.Grpc;

/// <summary>Reads a request's fields by their proto names, for the audit record's "on what".</summary>
internal static class RequestFields
{
    public static string Text(IMessage request, params string[] paths) =>
        paths.Select(path => Value(request, path) as string).FirstOrDefault(text => !string.IsNullOrEmpty(text)) ?? string.Empty;

    /// <summary>
    /// "year 2026, member T1002": the fields that say what a call is about, in that order; the member is the
    /// one the call concerns (named, or found from its fact or its rows), when there is one.
    /// </summary>
    public static string Describe(IMessage request, string staffNumber)
    {
        var parts = new List<string>();
        Add(parts, "year", Value(request, "year"));
        Add(parts, "member", staffNumber);
        Add(parts, "branch", Echo.Of(Text(request, "branch_code", "member.branch_code", "code")));
        Add(parts, "to branch", Echo.Of(Value(request, "to_branch_code") as string));
        Add(parts, "fact", Value(request, "fact_id"));
        Add(parts, "objection", Value(request, "objection_id"));
        Add(parts, "reminder", Value(request, "id"));
        foreach (var rows in new[] { "facts", "members", "items", "decisions" })
        {
            if (Value(request, rows) is ICollection { Count: > 0 } list)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{list.Count} {rows}"));
            }
        }

        return string.Join(", ", parts);
    }

    public static object? Value(IMessage message, string path)
    {
        object? current = message;
        foreach (var name in path.Split('.'))
        {
            if (current is not IMessage node || node.Descriptor.FindFieldByName(name) is not { } field)
            {
                return null;
            }

            current = field.Accessor.GetValue(node);
        }

        return current;
    }

    private static void Add(List<string> parts, string label, object? value)
    {
        var text = value switch
        {
            string s => s,
            int i when i != 0 => i.ToString(CultureInfo.InvariantCulture),
            long l when l != 0 => l.ToString(CultureInfo.InvariantCulture),
            _ => string.Empty,
        };
        if (text.Length > 0)
        {
            parts.Add($"{label} {text}");
        }
    }
}
