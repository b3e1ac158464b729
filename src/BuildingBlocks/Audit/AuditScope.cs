namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>
/// The audit record of the call in progress, flowing with the call's async context into every module it
/// reaches, so the module's own transaction can carry it without any module knowing about calls
/// (docs/adr/0015-audit-rides-the-commit.md). The Host begins it; the first commit of the call claims it.
/// A module's own writes that are not the call's change say so with <see cref="Housekeeping"/>.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<AuditEntry?> Ambient = new();

    /// <summary>The record waiting for the call's change, if any: read by the commit interceptors and by a writer that commits on another thread (the fact writer).</summary>
    public static AuditEntry? Current => Ambient.Value;

    /// <summary>For the Host's audit interceptor, once a call: the record the call's first commit carries.</summary>
    public static IDisposable Begin(AuditEntry entry)
    {
        var previous = Ambient.Value;
        Ambient.Value = entry;
        return new Restore(previous);
    }

    /// <summary>
    /// Declares a module's housekeeping inside a call (storing a year's default table, bringing cycles in step
    /// with the roster): until the token is disposed, commits are not the call's change and carry no record,
    /// so the record stays for the change itself (or for the call's end). A read stays unrecorded.
    /// </summary>
    /// <param name="what">What the housekeeping writes, for the reader of the call site and of a debugger.</param>
    public static HousekeepingWrite Housekeeping(string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        var previous = Ambient.Value;
        Ambient.Value = null;
        return new HousekeepingWrite(what, new Restore(previous));
    }

    private sealed class Restore(AuditEntry? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
