using Chuangji.Workflow.BuildingBlocks.Errors;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Persistence;

/// <summary>Saves an edit of a versioned row; a lost race is ABORTED naming the version the caller expected and the one stored now.</summary>
internal static class VersionedSave
{
    public static async Task SaveOrConflictAsync(
        this MembersDbContext db, string resource, string key, long? expectedVersion, IQueryable<long> storedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await storedVersion.SingleAsync(cancellationToken);
            throw new ConcurrencyConflictException(resource, key, expectedVersion, current);
        }
    }
}
