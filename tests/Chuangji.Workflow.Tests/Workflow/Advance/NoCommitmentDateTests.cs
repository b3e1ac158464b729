using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

namespace Chuangji.Workflow.Tests.Workflow.Advance;

/// <summary>A fact the scheme records lies in its own year (domain.md §9); the commitment is due 2026-01-31.</summary>
public sealed class NoCommitmentDateTests
{
    [Theory]
    [InlineData("2026-01-15", "2026-01-15")] // closed early within the year: the day of the close
    [InlineData("2026-01-31", "2026-01-31")] // on the deadline's own day
    [InlineData("2026-02-01", "2026-01-31")] // by the schedule when the day is over
    [InlineData("2026-09-03", "2026-01-31")] // a repeat much later
    [InlineData("2025-11-30", "2026-01-01")] // closed before the year began: its first day
    [InlineData("2027-03-01", "2026-01-31")] // after the year
    public void NoCommitmentDate_LiesInItsOwnYear(string today, string expected)
    {
        var year = new WorkflowYear { Year = 2026, CommitmentDue = new DateOnly(2026, 1, 31) };

        AdvancePhaseHandler.NoCommitmentDate(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}
