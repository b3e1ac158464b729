using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Workflow.Domain.Checks;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.GetCheckReport;

internal sealed class GetCheckReportHandler(WorkflowDbContext db)
{
    public async Task<CheckReport> HandleAsync(long id, CancellationToken cancellationToken) =>
        id <= 0
            ? throw new InvalidArgumentException("id", "must be a check report's id (a positive number)")
            : await db.CheckReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
              ?? throw new NotFoundException("check report", id.ToString(CultureInfo.InvariantCulture), "id");
}
