namespace Chuangji.Workflow.Modules.Assessment.Domain.Facts;

/// <summary>Points have at most one decimal place, so tenths are whole numbers: exact in SQL and in memory.</summary>
internal static class PointsTenths
{
    public static bool HasAtMostOneDecimal(decimal points) => decimal.Truncate(points * 10m) == points * 10m;

    public static long From(decimal points) => (long)(points * 10m);

    public static decimal ToPoints(long tenths) => tenths / 10m;
}
