using System.Collections.Concurrent;

namespace Chuangji.Workflow.Modules.Workflow.Cycles;

/// <summary>
/// The roster stamp each year's cycles were last brought in step with, college-wide or per branch, so a
/// read or an advance re-reads the roster only when a member was registered or changed since.
/// Kept in memory: after a restart the first request syncs once.
/// </summary>
internal sealed class RosterSyncStamps
{
    private const string College = "";

    private readonly ConcurrentDictionary<(int Year, string Scope), string> _synced = new();

    public bool IsCurrent(int year, string? branchCode, string stamp) =>
        (_synced.TryGetValue((year, College), out var college) && college == stamp)
        || (branchCode is not null && _synced.TryGetValue((year, branchCode), out var branch) && branch == stamp);

    public void Remember(int year, string? branchCode, string stamp) => _synced[(year, branchCode ?? College)] = stamp;
}
