using System.Collections.Concurrent;
using Chuangji.Workflow.Assessment.Domain;
using Chuangji.Workflow.Assessment.Seeding;

namespace Chuangji.Workflow.Assessment.Rubrics;

/// <summary>Parsed tables by year and version. A stored version never changes, so each is parsed once.</summary>
internal sealed class RubricDocuments
{
    private readonly ConcurrentDictionary<(int Year, int Version), Rubric> _parsed = new();

    public Rubric Parse(int year, int version, string document) =>
        _parsed.GetOrAdd((year, version), _ => RubricJson.Parse(document));
}
