namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>
/// A module's housekeeping write in progress inside a call, declared with <see cref="AuditScope.Housekeeping"/>:
/// while it lives, commits carry no audit record; disposing it gives the call its record back.
/// </summary>
public sealed class HousekeepingWrite : IDisposable
{
    private readonly IDisposable _restore;

    internal HousekeepingWrite(string what, IDisposable restore)
    {
        What = what;
        _restore = restore;
    }

    /// <summary>What the housekeeping writes ("storing the year's default table").</summary>
    public string What { get; }

    public void Dispose() => _restore.Dispose();
}
