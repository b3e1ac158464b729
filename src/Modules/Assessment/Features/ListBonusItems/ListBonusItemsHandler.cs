using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Features.ListBonusItems;

/// <summary>The year's bonus items, of one branch or of all, in branch and code order.</summary>
internal sealed class ListBonusItemsHandler(AssessmentDbContext db)
{
    public async Task<IReadOnlyList<BonusItem>> HandleAsync(int year, string branchCode, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        var violations = new Violations();
        Identifier.Optional(violations, "branch_code", branchCode);
        violations.ThrowIfAny();
        var items = db.BonusItems.AsNoTracking().Where(b => b.Year == year);
        if (branchCode.Length > 0)
        {
            items = items.Where(b => b.BranchCode == branchCode);
        }

        return await items.OrderBy(b => b.BranchCode).ThenBy(b => b.Code).ToListAsync(cancellationToken);
    }
}
