using Chuangji.Workflow.Modules.Workflow.Calendars;

namespace Chuangji.Workflow.Tests.Workflow.Calendars;

public sealed class MonthDayTests
{
    [Theory]
    [InlineData("01-31", 1, 31)]
    [InlineData("02-29", 2, 29)]
    [InlineData("12-31", 12, 31)]
    public void TryParse_WhenTextIsADayOfTheYear_ReadsMonthAndDay(string text, int month, int day)
    {
        MonthDay.TryParse(text, out var monthDay).Should().BeTrue();
        monthDay.Should().Be(new MonthDay(month, day));
        monthDay.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("13-01")]
    [InlineData("00-10")]
    [InlineData("02-30")]
    [InlineData("04-31")]
    [InlineData("12-00")]
    [InlineData("1-31")]
    [InlineData("01/31")]
    [InlineData("2026-01-31")]
    [InlineData("+1-31")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_WhenTextIsNotMmDd_IsFalse(string? text)
    {
        MonthDay.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void CompareTo_WhenMonthsDiffer_OrdersByMonthBeforeDay()
    {
        new MonthDay(2, 1).CompareTo(new MonthDay(1, 31)).Should().BePositive();
        new MonthDay(7, 10).CompareTo(new MonthDay(7, 11)).Should().BeNegative();
        new MonthDay(12, 31).CompareTo(new MonthDay(12, 31)).Should().Be(0);
    }
}
