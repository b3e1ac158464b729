using System.Collections.Concurrent;
using Chuangji.Workflow.Assessment.Domain;
using Chuangji.Workflow.Assessment.Seeding;

namespace Chuangji.Workflow.Assessment.Rubrics;

/// <summary>Parsed tables by year and version. A stored version never changes, so each is read and parsed once.</summary>
internal sealed class RubricDocuments
{
    private readonly ConcurrentDictionary<(int Year, int Version), Rubric> _parsed = new();

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
