namespace Chuangji.Workflow.Assessment.Contracts;

/// <summary>What other modules may ask of the Assessment module in process.</summary>
public interface IAssessmentModule
{
    /// <summary>Fixes the year's scoring table: called at the year's first determination (定绩). Idempotent.</summary>
    Task LockRubricAsync(int year, CancellationToken cancellationToken);
}
