namespace Chuangji.Workflow.BuildingBlocks.Identity;

/// <summary>
/// The authenticated caller of the call in progress (the token's subject), set by the Host once the call
/// has passed its policy. Who acted is taken from here, not from what a request says about itself;
/// in-process callers without a token (the scheduler) name themselves.
/// </summary>
public static class CallerIdentity
{
    private static readonly AsyncLocal<Caller?> Ambient = new();

    public static string? Subject => Ambient.Value?.Subject;

    /// <summary>The authenticated subject, or else <paramref name="named"/>.</summary>
    public static string Or(string named) => Ambient.Value?.Subject is { Length: > 0 } subject ? subject : named;

    /// <summary>
    /// Whether the caller may call <paramref name="method"/> ("/package.Service/Method") on what the call in
    /// progress is about, by the Host's policies; true without an authenticated caller (the scheduler, in process).
    /// A module uses it to offer only what this caller may do; the Host still judges every call itself.
    /// </summary>
    public static bool MayCall(string method) => Ambient.Value?.MayCall is not { } mayCall || mayCall(method);

    /// <param name="subject">The token's subject.</param>
    /// <param name="mayCall">The caller's reach by RPC (see <see cref="MayCall"/>); null for any.</param>
    public static IDisposable Begin(string subject, Func<string, bool>? mayCall)
    {
        var previous = Ambient.Value;
        Ambient.Value = new Caller(subject, mayCall);
        return new Restore(previous);
    }

    private sealed record Caller(string Subject, Func<string, bool>? MayCall);

    private sealed class Restore(Caller? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
