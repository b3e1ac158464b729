namespace Chuangji.Workflow.Modules.Assessment.Domain.Rubrics;

/// <summary>Which version of the table a year uses, and whether it may still be replaced.</summary>
internal sealed class RubricYear
{
    public int Year { get; set; }

    public int CurrentVersion { get; set; }

    /// <summary>Set at the year's first determination (定绩): from then on the table is fixed.</summary>
    public long? LockedAtUtcTicks { get; set; }

    public long Version { get; set; }
}
