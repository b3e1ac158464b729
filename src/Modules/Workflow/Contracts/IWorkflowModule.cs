namespace Chuangji.Workflow.Modules.Workflow.Contracts;

/// <summary>What the Host may ask of the Workflow module in process.</summary>
public interface IWorkflowModule
{
    /// <summary>The branch a check report is about ("" for a college report), or null when there is no such report.</summary>
    Task<string?> CheckReportBranchAsync(long id, CancellationToken cancellationToken);
}
