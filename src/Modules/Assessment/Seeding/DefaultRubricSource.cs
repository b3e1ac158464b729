using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation;

namespace Chuangji.Workflow.Modules.Assessment.Seeding;

/// <summary>
/// The college's default scoring table from seeds/, read and validated on first use. A broken seed fails every
/// use with the full list of its problems (the failure is cached, as the file does not change while running).
/// </summary>
internal sealed class DefaultRubricSource(SeedDirectory seeds)
{
    public const string FileName = "rubric.default.json";

    private readonly Lazy<Rubric> _rubric = new(() => Load(seeds.FileNamed(FileName)));

    public Rubric Rubric => _rubric.Value;

    public static Rubric Load(string path)
    {
        var rubric = RubricJson.ReadFile(path);
        RubricRules.All.ThrowIfInvalid(rubric, path);
        return rubric;
    }
}
