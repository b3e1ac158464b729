using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.BuildingBlocks.Paging;

/// <summary>The two ends of a keyset page: the key to continue after, and the page cut from one row too many.</summary>
public static class KeysetPage
{
    /// <summary>The id to continue after, for lists ordered by a numeric id; null on the first page.</summary>
    public static long? AfterId(this PageRequest page) =>
        page.After is not { } after
            ? null
            : long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new InvalidArgumentException("page_token", "is not a token this service issued");

    /// <summary>
    /// Reads one page of a query already filtered to rows after <see cref="PageRequest.After"/> and ordered by the key:
    /// one row more than the page, cut, and a token when there is more.
    /// </summary>
    public static async Task<(List<T> Rows, string NextPageToken)> ReadPageAsync<T>(
        this IQueryable<T> ordered, PageRequest page, Func<T, string> keyOf, string filterFingerprint, CancellationToken cancellationToken)
    {
        var rows = await ordered.Take(page.Size + 1).ToListAsync(cancellationToken);
        return Cut(rows, page, keyOf, filterFingerprint);
    }

    /// <summary>Rows read with <c>Take(page.Size + 1)</c>: the page, and a token when there is more.</summary>
    public static (List<T> Rows, string NextPageToken) Cut<T>(List<T> rows, PageRequest page, Func<T, string> keyOf, string filterFingerprint)
    {
        if (rows.Count <= page.Size)
        {
            return (rows, string.Empty);
        }

        rows.RemoveAt(rows.Count - 1);
        return (rows, PageRequest.NextToken(keyOf(rows[^1]), filterFingerprint));
    }

    public static string IdKey(long id) => id.ToString(CultureInfo.InvariantCulture);
}
