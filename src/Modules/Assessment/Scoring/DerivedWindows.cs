using Chuangji.Workflow.Modules.Assessment.Domain;

namespace Chuangji.Workflow.Modules.Assessment.Scoring;

/// <summary>The windows a derived rule judges, labelled for the people who read the scorecard (上半年, 下半年, 全年).</summary>
internal static class DerivedWindows
{
    public static IReadOnlyList<DerivedWindowSpan> Of(DerivedWindow window, int year) => window switch
    {
        DerivedWindow.HalfYear =>
        [
            new DerivedWindowSpan($"{year}年上半年", new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)),
            new DerivedWindowSpan($"{year}年下半年", new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)),
        ],
        DerivedWindow.Year => [new DerivedWindowSpan($"{year}年全年", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))],
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };
}
