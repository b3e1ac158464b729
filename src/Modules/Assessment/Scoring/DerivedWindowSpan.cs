namespace Chuangji.Workflow.Modules.Assessment.Scoring;

/// <summary>
/// A stretch of the year a derived rule judges: it counts only once it has closed, at its own end or when the
/// year's assessment period closes, whichever comes first.
/// </summary>
internal sealed record DerivedWindowSpan(string Label, DateOnly First, DateOnly Last)
{
    public bool Contains(DateOnly date) => date >= First && date <= Last;

    public bool IsClosedOn(DateOnly date, DateOnly? periodClosesOn) => date > Last || (periodClosesOn is { } closes && date > closes);
}
