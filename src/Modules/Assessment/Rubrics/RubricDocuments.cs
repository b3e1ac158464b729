using System.Collections.Concurrent;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Seeding;

namespace Chuangji.Workflow.Modules.Assessment.Rubrics;

/// <summary>Parsed tables by year and version. A stored version never changes, so each is read and parsed once.</summary>
internal sealed class RubricDocuments
{
    private readonly ConcurrentDictionary<(int Year, int Version), Rubric> _parsed = new();
    private readonly ConcurrentDictionary<int, int> _currentVersions = new();

    /// <summary>
    /// The version writes last saw as current. Only a hint: the fact writer checks the stored version in
    /// its transaction, and a mismatch drops the hint (<see cref="Forget"/>), so a stale one costs a retry.
    /// </summary>
    public bool TryGetCurrentVersion(int year, out int version) => _currentVersions.TryGetValue(year, out version);

    public void RememberCurrentVersion(int year, int version) => _currentVersions[year] = version;

    public void Forget(int year) => _currentVersions.TryRemove(year, out _);

    public async Task<Rubric> GetAsync(int year, int version, Func<Task<string>> loadDocument)
    {
        if (_parsed.TryGetValue((year, version), out var rubric))
        {
            return rubric;
        }

        var parsed = RubricJson.Parse(await loadDocument());
        return _parsed.GetOrAdd((year, version), parsed);
    }
}
