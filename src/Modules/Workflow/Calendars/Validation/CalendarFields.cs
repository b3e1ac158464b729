namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation;

/// <summary>The template's dates under the names the seed file gives them, for rules that check them all.</summary>
internal static class CalendarFields
{
    public static IEnumerable<(string Field, string Value)> DatesOf(CalendarTemplate calendar)
    {
        yield return ("commitmentDue", calendar.CommitmentDue);
        yield return ("firstHalfReportDue", calendar.FirstHalfReportDue);
        yield return ("secondHalfReportDue", calendar.SecondHalfReportDue);
        yield return ("massReviewCloses", calendar.MassReviewCloses);
        yield return ("determinationBy", calendar.DeterminationBy);
        yield return ("materialsDue", calendar.MaterialsDue);
        for (var i = 0; i < calendar.QuarterlyChecks.Count; i++)
        {
            yield return ($"quarterlyChecks[{i}]", calendar.QuarterlyChecks[i]);
        }

        for (var i = 0; i < calendar.HalfYearChecks.Count; i++)
        {
            yield return ($"halfYearChecks[{i}]", calendar.HalfYearChecks[i]);
        }
    }
}
