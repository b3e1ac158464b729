using System.Collections;
using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Chuangji.Workflow.Host.Grpc;

/// <summary>
/// No text the service keeps may contain U+0000: PostgreSQL cannot store it in a text column at all, and on SQLite it
/// would cut the text short wherever it is read as a C string. A request with one is refused, naming the field.
/// </summary>
internal static class NulCharacters
{
    public const string Rule = "must not contain the NUL character (U+0000)";

    /// <summary>The first field path (<c>members[2].name</c>) whose text holds U+0000, or null.</summary>
    public static string? FirstField(IMessage message, string prefix = "")
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                continue;
            }

            if (field.IsRepeated && value is IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (Find(field, list[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } inList)
                    {
                        return inList;
                    }
                }

                continue;
            }

            if (Find(field, value, path) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Refuses the request when a field's text holds U+0000.</summary>
    public static void ThrowIfAny(object request)
    {
        if (request is IMessage message && FirstField(message) is { } field)
        {
            throw new InvalidArgumentException(field, Rule);
        }
    }

    private static string? Find(FieldDescriptor field, object? value, string path) => (field.FieldType, value) switch
    {
        (FieldType.String, string text) when text.Contains('\0', StringComparison.Ordinal) => path,
        (FieldType.Message, IMessage nested) => FirstField(nested, path + "."),
        _ => null,
    };
}
