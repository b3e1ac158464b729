namespace Chuangji.Workflow.Modules.Assessment.Features.SummarizeYear;

internal sealed record YearSummary(
    int Year,
    int RubricVersion,
    DateTimeOffset AsOf,
    int Members,
    int Vetoed,
    decimal AverageTotal,
    IReadOnlyList<RatingCount> Ratings);

internal sealed record RatingCount(string Rating, string Name, int Members);
