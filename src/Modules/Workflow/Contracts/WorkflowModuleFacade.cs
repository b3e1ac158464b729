using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Contracts;

internal sealed class WorkflowModuleFacade(WorkflowDbContext db) : IWorkflowModule
{
    public async Task<string?> CheckReportBranchAsync(long id, CancellationToken cancellationToken) =>
        await db.CheckReports.AsNoTracking().Where(r => r.Id == id).Select(r => r.BranchCode).SingleOrDefaultAsync(cancellationToken);
}
