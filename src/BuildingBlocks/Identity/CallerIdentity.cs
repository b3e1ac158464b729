namespace Chuangji.Workflow.BuildingBlocks.Identity;

/// <summary>
/// The authenticated caller of the call in progress (the token's subject), set by the Host once the call
/// has passed its policy. Who acted is taken from here, not from what a request says about itself;
/// in-process callers without a token (the scheduler) name themselves.
/// </summary>
public static class CallerIdentity
{
    private static readonly AsyncLocal<string?> Ambient = new();

    public static string? Subject => Ambient.Value;

    /// <summary>The authenticated subject, or else <paramref name="named"/>.</summary>
    public static string Or(string named) => Ambient.Value is { Length: > 0 } subject ? subject : named;

    public static IDisposable Begin(string subject)
    {
        var previous = Ambient.Value;
        Ambient.Value = subject;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
