using Chuangji.Workflow.Assessment.Features.GetRubric;
using Chuangji.Workflow.Assessment.Seeding;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.Tests.Assessment.Rubrics;

namespace Chuangji.Workflow.Tests.Assessment.GetRubric;

public sealed class GetRubricHandlerTests
{
    private readonly GetRubricHandler _handler =
        new(new DefaultRubricSource(new SeedDirectory(Path.GetDirectoryName(DefaultRubric.SeedPath)!)));

    [Theory]
    [InlineData(2000)]
    [InlineData(2026)]
    [InlineData(2100)]
    public void Handle_WhenYearIsInRange_ReturnsDefaultRubricAsVersionOneOfThatYear(int year)
    {
        var result = _handler.Handle(year);

        result.Year.Should().Be(year);
        result.Version.Should().Be(1);
        result.Rubric.Items.Should().HaveCount(7);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(0)]
    public void Handle_WhenYearIsOutOfRange_IsInvalidArgumentNamingYear(int year)
    {
        var thrown = FluentActions.Invoking(() => _handler.Handle(year)).Should().Throw<InvalidArgumentException>().Which;

        thrown.Violations.Should().Equal(new FieldViolation("year", $"must be from 2000 to 2100, not {year}"));
    }
}
