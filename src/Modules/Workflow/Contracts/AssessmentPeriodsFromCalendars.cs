using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Contracts;

/// <summary>The year's assessment period closes with mass review: the calendar's mass_review_closes (docs/domain.md §9).</summary>
internal sealed class AssessmentPeriodsFromCalendars(WorkflowDbContext db) : IAssessmentPeriods
{
    public async Task<DateOnly?> ClosesOnAsync(int year, CancellationToken cancellationToken) =>
        await db.Years.AsNoTracking().Where(y => y.Year == year).Select(y => (DateOnly?)y.MassReviewCloses).SingleOrDefaultAsync(cancellationToken);
}
