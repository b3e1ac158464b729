using Quartz;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>The one job the Workflow module gives the Host's scheduler: whichever trigger fires it, it catches up with everything due.</summary>
[DisallowConcurrentExecution]
internal sealed class DueWorkJob(DueWorkRunner runner) : IJob
{
    public static readonly JobKey Key = new("due-work", "workflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await runner.RunAsync(cancellationToken);
}
