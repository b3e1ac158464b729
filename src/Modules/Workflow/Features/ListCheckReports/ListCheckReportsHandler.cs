using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Domain.Checks;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.ListCheckReports;

internal sealed record CheckReportPage(IReadOnlyList<CheckReport> Reports, string NextPageToken);

internal sealed class ListCheckReportsHandler(WorkflowDbContext db)
{
    public async Task<CheckReportPage> HandleAsync(int year, int kind, string branchCode, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        Identifier.Optional(violations, "branch_code", branchCode);
        violations.ThrowIfAny();
        var fingerprint = $"checks|{year}|{kind}|{branchCode}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        var reports = db.CheckReports.AsNoTracking();
        if (year != 0)
        {
            reports = reports.Where(r => r.Year == year);
        }

        if (kind != 0)
        {
            var wanted = kind switch
            {
                1 => CheckKind.Quarterly,
                2 => CheckKind.HalfYear,
                _ => throw new InvalidArgumentException("kind", "has no such value; use a CHECK_KIND_* value or leave it unspecified for both"),
            };
            reports = reports.Where(r => r.Kind == wanted);
        }

        if (branchCode.Length > 0)
        {
            reports = reports.Where(r => r.BranchCode == branchCode);
        }

        if (page.AfterId() is { } afterId)
        {
            reports = reports.Where(r => r.Id > afterId);
        }

        var (rows, next) = await reports.OrderBy(r => r.Id).ReadPageAsync(page, r => KeysetPage.IdKey(r.Id), fingerprint, cancellationToken);
        return new CheckReportPage(rows, next);
    }
}
