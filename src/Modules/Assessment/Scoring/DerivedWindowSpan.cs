namespace Chuangji.Workflow.Assessment.Scoring;

/// <summary>A stretch of the year a derived rule judges: it counts only once it has closed.</summary>
internal sealed record DerivedWindowSpan(string Label, DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => date >= First && date <= Last;

    public bool IsClosedOn(DateOnly date) => date > Last;
}
