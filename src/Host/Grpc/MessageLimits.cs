namespace Chuangji.Workflow.Host.Grpc;

/// <summary>
/// How large a call may be. The largest legitimate request is a roster of 10,000 rows (ImportMembers) with every
/// field at its longest, about 12 MB; 1,000 facts (RecordEvents) are about 2.5 MB. A larger message is refused
/// with RESOURCE_EXHAUSTED naming the limit before the service reads it. Headers carry a bearer token and a
/// request id: a few KB.
/// </summary>
internal static class MessageLimits
{
    public const int MaxRequestBytes = 16 * 1024 * 1024;

    /// <summary>The answer to the largest request (a result per roster row, each with its member) is larger than the request.</summary>
    public const int MaxResponseBytes = 32 * 1024 * 1024;

    public const int MaxRequestHeadersTotalBytes = 32 * 1024;

    public const int MaxRequestHeaderFieldBytes = 16 * 1024;

    public static string Refusal =>
        $"the request message is larger than this service accepts ({MaxRequestBytes / (1024 * 1024)} MiB): send at most 10,000 roster rows or 1,000 facts a call";
}
