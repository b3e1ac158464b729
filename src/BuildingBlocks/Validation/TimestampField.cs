using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>
/// Instants in requests (google.protobuf.Timestamp): a caller can send seconds past year 9999 or before year 1,
/// or nanos outside a second, which is no instant at all. Every Timestamp a request carries is read here, so
/// such a value is refused naming its field instead of failing where it is first used.
/// </summary>
public static class TimestampField
{
    /// <summary>0001-01-01T00:00:00Z.</summary>
    public const long MinSeconds = -62_135_596_800;

    /// <summary>9999-12-31T23:59:59Z.</summary>
    public const long MaxSeconds = 253_402_300_799;

    public const int MaxNanos = 999_999_999;

    public const string Rule = "must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z (seconds from -62135596800 to 253402300799, nanos from 0 to 999999999)";

    /// <summary>The instant; null when unset, or with a violation naming <paramref name="field"/> when it is no instant.</summary>
    public static DateTimeOffset? Optional(Violations violations, string field, Timestamp? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Seconds is < MinSeconds or > MaxSeconds || value.Nanos is < 0 or > MaxNanos)
        {
            violations.Add(field, string.Create(CultureInfo.InvariantCulture, $"{Rule}, not seconds {value.Seconds} and nanos {value.Nanos}"));
            return null;
        }

        return value.ToDateTimeOffset();
    }

    /// <summary>A request's only Timestamp: the instant, null when unset; INVALID_ARGUMENT naming the field when it is no instant.</summary>
    public static DateTimeOffset? Optional(string field, Timestamp? value)
    {
        var violations = new Violations();
        var instant = Optional(violations, field, value);
        violations.ThrowIfAny();
        return instant;
    }
}
