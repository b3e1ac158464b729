using Chuangji.Workflow.BuildingBlocks.Validation;
using Google.Protobuf.WellKnownTypes;

namespace Chuangji.Workflow.Tests.BuildingBlocks;

public sealed class TimestampFieldTests
{
    [Theory]
    [InlineData(TimestampField.MinSeconds, 0, "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData(TimestampField.MaxSeconds, TimestampField.MaxNanos, "9999-12-31T23:59:59.9999999+00:00")]
    [InlineData(0, 0, "1970-01-01T00:00:00.0000000+00:00")]
    public void Optional_WhenTheTimestampIsAnInstant_IsThatInstant(long seconds, int nanos, string instant)
    {
        var violations = new Violations();

        var read = TimestampField.Optional(violations, "as_of", new Timestamp { Seconds = seconds, Nanos = nanos });

        read.Should().Be(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        violations.Any.Should().BeFalse();
    }

    [Theory]
    [InlineData(TimestampField.MaxSeconds + 1, 0)]
    [InlineData(TimestampField.MinSeconds - 1, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 1_000_000_000)]
    [InlineData(long.MaxValue, int.MaxValue)]
    public void Optional_WhenTheTimestampIsNoInstant_NamesTheField(long seconds, int nanos)
    {
        var violations = new Violations();

        var read = TimestampField.Optional(violations, "from", new Timestamp { Seconds = seconds, Nanos = nanos });

        read.Should().BeNull();
        violations.Items.Should().ContainSingle().Which.Field.Should().Be("from");
    }

    [Fact]
    public void Optional_WhenUnset_IsNullWithoutAViolation()
    {
        var violations = new Violations();

        TimestampField.Optional(violations, "to", null).Should().BeNull();
        violations.Any.Should().BeFalse();
    }
}
