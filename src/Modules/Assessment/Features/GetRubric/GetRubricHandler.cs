using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Rubrics;

namespace Chuangji.Workflow.Modules.Assessment.Features.GetRubric;

/// <summary>The year's scoring table in force now; the default one is stored the first time a year is asked for.</summary>
internal sealed class GetRubricHandler(RubricBook rubrics)
{
    public Task<YearRubric> HandleAsync(int year, CancellationToken cancellationToken) => rubrics.GetAsync(year, cancellationToken);
}
