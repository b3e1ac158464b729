using Chuangji.Workflow.Modules.Assessment.Domain;

namespace Chuangji.Workflow.Modules.Assessment.Scoring;

internal static class DerivedWindows
{
    public static IReadOnlyList<DerivedWindowSpan> Of(DerivedWindow window, int year) => window switch
    {
        DerivedWindow.HalfYear =>
        [
            new DerivedWindowSpan($"{year} H1", new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)),
            new DerivedWindowSpan($"{year} H2", new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)),
        ],
        DerivedWindow.Year => [new DerivedWindowSpan($"{year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))],
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };
}
