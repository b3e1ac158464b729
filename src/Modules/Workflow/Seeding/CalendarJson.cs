using System.Text.Json;
using System.Text.Json.Serialization;
using Chuangji.Workflow.Modules.Workflow.Calendars;

namespace Chuangji.Workflow.Modules.Workflow.Seeding;

/// <summary>Reads a calendar template from JSON (camelCase names). Strict: a missing or unknown property is an error.</summary>
internal static class CalendarJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static CalendarTemplate Parse(string json) =>
        JsonSerializer.Deserialize<CalendarTemplate>(json, Options) ?? throw new JsonException("The calendar is null.");

    public static CalendarTemplate ReadFile(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a readable calendar: {exception.Message}", exception);
        }
    }
}
