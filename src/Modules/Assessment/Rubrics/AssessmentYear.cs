using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.Modules.Assessment.Rubrics;

internal static class AssessmentYear
{
    public const int Min = 2000;
    public const int Max = 2100;

    public static void EnsureInRange(int year, string field)
    {
        if (year is < Min or > Max)
        {
            throw new InvalidArgumentException(field, $"must be from {Min} to {Max}, not {year}");
        }
    }
}
