using Chuangji.Workflow.Assessment.Rubrics;

namespace Chuangji.Workflow.Assessment.Contracts;

internal sealed class AssessmentModuleFacade(RubricBook rubrics) : IAssessmentModule
{
    public Task LockRubricAsync(int year, CancellationToken cancellationToken) => rubrics.LockAsync(year, cancellationToken);
}
