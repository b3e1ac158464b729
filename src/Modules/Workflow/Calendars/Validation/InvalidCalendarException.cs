namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation;

/// <summary>A calendar that cannot be used. Not a refusal of the caller's request: the service is misconfigured.</summary>
internal sealed class InvalidCalendarException(string source, IReadOnlyList<CalendarProblem> problems)
    : Exception($"The calendar in {source} is invalid ({problems.Count} problem(s)):{Environment.NewLine}  "
        + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<CalendarProblem> Problems { get; } = problems;
}
