using System.Text.Json;

namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>The names the seed file uses for enum values ("IN_SERVICE", "ONCE_A_YEAR"), so problems read like the file.</summary>
internal static class SeedNames
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.SnakeCaseUpper;

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Policy.ConvertName(value.ToString());
}
