using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Assessment.Rubrics;

namespace Chuangji.Workflow.Tests.Assessment.Rubrics;

public sealed class AssessmentYearTests
{
    [Theory]
    [InlineData(2000)]
    [InlineData(2026)]
    [InlineData(2100)]
    public void EnsureInRange_WhenYearIsInRange_Passes(int year)
    {
        FluentActions.Invoking(() => AssessmentYear.EnsureInRange(year, "year")).Should().NotThrow();
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(0)]
    public void EnsureInRange_WhenYearIsOutOfRange_IsInvalidArgumentNamingTheField(int year)
    {
        var thrown = FluentActions.Invoking(() => AssessmentYear.EnsureInRange(year, "year")).Should().Throw<InvalidArgumentException>().Which;

        thrown.Violations.Should().Equal(new FieldViolation("year", $"must be from 2000 to 2100, not {year}"));
    }
}
