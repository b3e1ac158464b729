using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Features.Shared;

/// <summary>What proposing and approving bonus items share: the bound on one call and the one way to save.</summary>
internal static class BonusItemWrites
{
    /// <summary>A branch proposes a handful of items a year; a bound keeps one call from holding the writer.</summary>
    public const int MaxItemsPerCall = 200;

    public static async Task SaveAsync(AssessmentDbContext db, int year, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || SqliteErrors.IsUniqueViolation(exception))
        {
            throw new ConcurrencyConflictException("bonus items", year.ToString(CultureInfo.InvariantCulture), null, null);
        }
    }
}
