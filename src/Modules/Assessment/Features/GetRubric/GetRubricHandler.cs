using Chuangji.Workflow.Assessment.Domain;
using Chuangji.Workflow.Assessment.Seeding;

namespace Chuangji.Workflow.Assessment.Features.GetRubric;

internal sealed class GetRubricHandler(DefaultRubricSource defaults)
{
    public const int DefaultVersion = 1;

    public YearRubric Handle(int year)
    {
        AssessmentYear.EnsureInRange(year, "year");

        // Every year is scored by the default table until per-year, versioned tables are stored (a later issue).
        return new YearRubric(year, DefaultVersion, defaults.Rubric);
    }
}
