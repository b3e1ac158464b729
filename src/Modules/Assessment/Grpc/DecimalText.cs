using System.Globalization;

namespace Chuangji.Workflow.Modules.Assessment.Grpc;

/// <summary>Decimals on the wire: invariant culture, no exponent, no trailing zeros (16 → "16", 0.50 → "0.5").</summary>
internal static class DecimalText
{
    private const string ShortestPlainFormat = "0.############################";

    public static string Format(decimal value) => value.ToString(ShortestPlainFormat, CultureInfo.InvariantCulture);

    public static string Format(decimal? value) => value is { } points ? Format(points) : string.Empty;
}
