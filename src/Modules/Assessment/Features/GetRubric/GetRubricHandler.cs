using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Rubrics;

namespace Chuangji.Workflow.Modules.Assessment.Features.GetRubric;

/// <summary>The year's scoring table in force now: the stored version, or the default as version 1 until the year's first write stores it.</summary>
internal sealed class GetRubricHandler(RubricBook rubrics)
{
    public Task<YearRubric> HandleAsync(int year, CancellationToken cancellationToken) => rubrics.GetAsync(year, cancellationToken);
}
