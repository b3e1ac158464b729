using System.Globalization;
using Chuangji.Workflow.Modules.Assessment.Grpc;

namespace Chuangji.Workflow.Tests.Assessment.Grpc;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("16", "16")]
    [InlineData("16.00", "16")]
    [InlineData("0.5", "0.5")]
    [InlineData("0.50", "0.5")]
    [InlineData("0", "0")]
    [InlineData("-2.0", "-2")]
    [InlineData("100.25", "100.25")]
    [InlineData("0.0000001", "0.0000001")]
    public void Format_WhenDecimalHasTrailingZerosOrFraction_WritesShortestPlainInvariantText(string value, string expected)
    {
        DecimalText.Format(decimal.Parse(value, CultureInfo.InvariantCulture)).Should().Be(expected);
    }

    [Fact]
    public void Format_WhenCultureUsesDecimalComma_StillWritesPoint()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            DecimalText.Format(1.5m).Should().Be("1.5");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Format_WhenPointsAreAbsent_WritesEmpty()
    {
        DecimalText.Format((decimal?)null).Should().BeEmpty();
    }
}
