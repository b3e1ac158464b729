using System.Text.Json;
using System.Text.Json.Serialization;
using Chuangji.Workflow.Modules.Assessment.Domain;

namespace Chuangji.Workflow.Modules.Assessment.Seeding;

/// <summary>
/// Reads a scoring table from JSON (camelCase names, enum values as in <see cref="SeedNames"/>, points as JSON numbers
/// read straight into decimals). Strict: a missing or unknown property is an error, not a silent default.
/// </summary>
internal static class RubricJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(SeedNames.Policy, allowIntegerValues: false) },
    };

    public static Rubric Parse(string json) =>
        JsonSerializer.Deserialize<Rubric>(json, Options) ?? throw new JsonException("The rubric is null.");

    public static string Serialize(Rubric rubric) => JsonSerializer.Serialize(rubric, Options);

    public static Rubric ReadFile(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a readable rubric: {exception.Message}", exception);
        }
    }
}
