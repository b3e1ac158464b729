using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Persistence;

namespace Chuangji.Workflow.Modules.Assessment.Features.Shared;

/// <summary>What proposing and approving bonus items share: the bound on one call and the one way to save.</summary>
internal static class BonusItemWrites
{
    /// <summary>A branch proposes a handful of items a year; a bound keeps one call from holding the writer.</summary>
    public const int MaxItemsPerCall = 200;

    /// <summary>A lost race, or a second proposal of the same item at once, is ABORTED: read the items again and retry.</summary>
    public static Task SaveAsync(AssessmentDbContext db, int year, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(
            () => new ConcurrencyConflictException("bonus items", year.ToString(CultureInfo.InvariantCulture), null, null),
            cancellationToken,
            uniqueViolationIsConflict: true);
}
