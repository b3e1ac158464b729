namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>
/// The audit record of the call in progress, flowing with the call's async context into every module it
/// reaches, so the module's own transaction can carry it without any module knowing about calls.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<AuditEntry?> Ambient = new();

    public static AuditEntry? Current => Ambient.Value;

    public static IDisposable Begin(AuditEntry entry)
    {
        var previous = Ambient.Value;
        Ambient.Value = entry;
        return new Restore(previous);
    }

    /// <summary>
    /// For a module's housekeeping inside a call (storing a year's default table, bringing cycles in step
    /// with the roster): its commit is not the call's change and must not carry the call's record.
    /// </summary>
    public static IDisposable Suspend()
    {
        var previous = Ambient.Value;
        Ambient.Value = null;
        return new Restore(previous);
    }

    private sealed class Restore(AuditEntry? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
