namespace Chuangji.Workflow.Modules.Assessment.Domain.Rubrics;

/// <summary>One stored version of a year's scoring table, as JSON in the seed's format. Versions are never changed.</summary>
internal sealed class RubricVersion
{
    public int Year { get; set; }

    public int Version { get; set; }

    public string Document { get; set; } = string.Empty;

    public string Note { get; set; } = string.Empty;

    public long CreatedAtUtcTicks { get; set; }
}
