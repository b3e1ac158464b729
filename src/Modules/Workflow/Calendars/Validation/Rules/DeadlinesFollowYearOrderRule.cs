using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation.Rules;

/// <summary>
/// The member cycle runs 承诺 → 述绩 H1 → 述绩 H2 → 评绩 → 定绩 within the year, so its deadlines must too.
/// Malformed dates are <see cref="DatesAreMonthDaysRule"/>'s to report; pairs with one are skipped here.
/// </summary>
internal sealed class DeadlinesFollowYearOrderRule : IRule<CalendarTemplate>
{
    public IEnumerable<string> ProblemsIn(CalendarTemplate calendar)
    {
        (string Field, string Value, bool MayEqualPrevious)[] steps =
        [
            ("commitmentDue", calendar.CommitmentDue, false),
            ("firstHalfReportDue", calendar.FirstHalfReportDue, false),
            ("secondHalfReportDue", calendar.SecondHalfReportDue, false),
            ("massReviewCloses", calendar.MassReviewCloses, false),
            ("determinationBy", calendar.DeterminationBy, true),
        ];
        for (var i = 1; i < steps.Length; i++)
        {
            var (earlierField, earlierValue, _) = steps[i - 1];
            var (field, value, mayEqual) = steps[i];
            if (!MonthDay.TryParse(earlierValue, out var earlier) || !MonthDay.TryParse(value, out var later))
            {
                continue;
            }

            var order = later.CompareTo(earlier);
            if (order < 0 || (order == 0 && !mayEqual))
            {
                var relation = mayEqual ? "on or after" : "after";
                yield return $"{field} ({value}) must fall {relation} {earlierField} ({earlierValue})";
            }
        }
    }
}
