using System.Buffers.Text;
using System.Text;
using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.BuildingBlocks.Paging;

/// <summary>
/// A keyset page: the number of rows wanted and the key to continue after. Tokens are
/// opaque to callers and bound to the filters of the first page, so a token reused with
/// other filters is refused instead of silently skipping rows.
/// </summary>
public sealed record PageRequest(int Size, string? After)
{
    public const int DefaultSize = 100;

    public const int MaxSize = 500;

    public static PageRequest Parse(int pageSize, string? pageToken, string filterFingerprint)
    {
        if (pageSize < 0)
        {
            throw new InvalidArgumentException("page_size", "must not be negative");
        }

        var size = pageSize == 0 ? DefaultSize : Math.Min(pageSize, MaxSize);
        return new PageRequest(size, DecodeToken(pageToken, filterFingerprint));
    }

    public static string NextToken(string lastKey, string filterFingerprint)
    {
        var payload = Encoding.UTF8.GetBytes(filterFingerprint + "\n" + lastKey);
        return Base64Url.EncodeToString(payload);
    }

    private static string? DecodeToken(string? token, string filterFingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued");
        }

        var separator = text.IndexOf('\n', StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued");
        }

        if (!string.Equals(text[..separator], filterFingerprint, StringComparison.Ordinal))
        {
            throw new InvalidArgumentException("page_token", "was issued for other filters; repeat the filters of the first page");
        }

        return text[(separator + 1)..];
    }
}
