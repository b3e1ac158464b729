using Chuangji.Workflow.BuildingBlocks.Errors;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>The one way to save an edit that can lose a race: a lost race becomes the ABORTED error the caller names.</summary>
public static class ConflictingSave
{
    /// <summary>Saves; a concurrency-token mismatch (and, when <paramref name="uniqueViolationIsConflict"/>, a unique violation) throws <paramref name="conflict"/>.</summary>
    public static Task SaveOrConflictAsync(
        this DbContext db, Func<DomainException> conflict, CancellationToken cancellationToken, bool uniqueViolationIsConflict = false) =>
        db.SaveOrConflictAsync(_ => Task.FromResult(conflict()), cancellationToken, uniqueViolationIsConflict);

    /// <summary>Saves an edit of a versioned row; a lost race names the version the caller expected and the one stored now.</summary>
    public static Task SaveOrConflictAsync(
        this DbContext db, string resource, string key, long? expectedVersion, IQueryable<long> storedVersion, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(
            async token => new ConcurrencyConflictException(resource, key, expectedVersion, await storedVersion.SingleAsync(token)),
            cancellationToken);

    /// <summary>Saves; on a lost race, <paramref name="conflict"/> may read the winner before naming the error.</summary>
    public static async Task SaveOrConflictAsync(
        this DbContext db, Func<CancellationToken, Task<DomainException>> conflict, CancellationToken cancellationToken, bool uniqueViolationIsConflict = false)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || (uniqueViolationIsConflict && DatabaseErrors.IsUniqueViolation(exception)))
        {
            throw await conflict(cancellationToken);
        }
    }
}
