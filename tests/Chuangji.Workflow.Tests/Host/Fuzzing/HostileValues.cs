using System.Buffers.Text;
using System.Text;
using Google.Protobuf.WellKnownTypes;

namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>
/// What a careless or hostile caller sends, by field type. Long strings repeat a short unit, so the checks can
/// tell cheaply whether any stretch of them came back in an answer. Protobuf strings are UTF-8 on the wire, so
/// unpaired surrogates cannot be sent as strings; <see cref="MalformedBodies"/> sends them as raw bytes.
/// </summary>
internal sealed class HostileValues(Random random)
{
    /// <summary>The longest string sent: 1 MiB of UTF-16 code units.</summary>
    public const int MaxStringLength = 1 << 20;

    private static readonly string[] Texts =
    [
        string.Empty,
        " ",
        "\t\r\n",
        "\0",
        "\u0001\u0002\u0007\u001b[31m\u007f",
        "T1002\0B01",
        "\u202e\u200b\u200d\ufeff",
        "%s%n%x{0}{1}",
        "Robert'); DROP TABLE Students;--",
        "' OR '1'='1",
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "${jndi:ldap://x}",
        "-1",
        "99999999999999999999999999999",
        "79228162514264337593543950336",
        "1e308",
        "-0",
        "NaN",
        "0.05",
        "١٢",
        "2026-02-30",
        "0000-01-01",
        "9999-12-31",
        "2026-1-1",
        "10000-01-01",
        "ÅngströmÅ",
        "𠀀𠀁",
        "😀",
        "ＴＩ００２",
        "2026-11-25",
        "2026-11-26",
        "2024-02-29",
        "2100-12-31",
        "2000-01-01",
        "1921-06-30",
        "100.05",
        "99.9",
        "0.1",
    ];

    /// <summary>Repeated to a length: ASCII, CJK, surrogate pairs, combining marks, controls.</summary>
    private static readonly string[] Units = ["x", "长", "ab", "😀", "e\u0301", "\u0000\u0001", "T1002-", "党支部B01_"];

    /// <summary>The last values the rules accept: years, page sizes, counts, publicity days, rows.</summary>
    private static readonly int[] Edges = [1_999, 2_000, 2_100, 500, 366, 30, 1_000, 10_000, 200, 100];

    private static readonly int[] Lengths = [33, 41, 65, 101, 201, 501, 1_001, 4_001, 10_000];

    public string Text()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 45 => Texts[random.Next(Texts.Length)],
            < 98 => Repeat(Units[random.Next(Units.Length)], Lengths[random.Next(Lengths.Length)]),
            _ => Repeat(Units[random.Next(Units.Length)], MaxStringLength),
        };
    }

    public int Int32() => random.Next(14) switch
    {
        12 => Edges[random.Next(Edges.Length)],
        13 => Edges[random.Next(Edges.Length)] + 1,
        0 => int.MinValue,
        1 => int.MaxValue,
        2 => -1,
        3 => 0,
        4 => int.MaxValue - 1,
        5 => -2026,
        6 => 3_000_000,
        7 => 10_000,
        8 => 9_999,
        9 => 1_000_001,
        10 => 501,
        _ => random.Next(int.MinValue, int.MaxValue),
    };

    public long Int64() => random.Next(8) switch
    {
        0 => long.MinValue,
        1 => long.MaxValue,
        2 => -1,
        3 => 0,
        4 => (long)int.MaxValue + 1,
        5 => long.MaxValue - 1,
        6 => 253_402_300_800,
        _ => random.NextInt64(long.MinValue, long.MaxValue),
    };

    /// <summary>A number no enum of the contracts defines.</summary>
    public int UnknownEnumNumber() => random.Next(5) switch
    {
        0 => -1,
        1 => int.MaxValue,
        2 => int.MinValue,
        3 => 99,
        _ => 1_000 + random.Next(1_000),
    };

    /// <summary>Seconds past year 9999 or before year 1, nanos out of [0, 1e9), or the extremes of both.</summary>
    public Timestamp Timestamp() => random.Next(8) switch
    {
        0 => new Timestamp { Seconds = 253_402_300_800 },
        1 => new Timestamp { Seconds = -62_135_596_801 },
        2 => new Timestamp { Seconds = 1_767_225_600, Nanos = -1 },
        3 => new Timestamp { Seconds = 1_767_225_600, Nanos = 1_000_000_000 },
        4 => new Timestamp { Seconds = long.MaxValue, Nanos = int.MaxValue },
        5 => new Timestamp { Seconds = long.MinValue, Nanos = int.MinValue },
        6 => new Timestamp { Seconds = -62_135_596_800 },
        _ => new Timestamp { Seconds = 253_402_300_799, Nanos = 999_999_999 },
    };

    /// <summary>A page token this service never issued: garbage, another list's, or an issued one with its key replaced.</summary>
    public string PageToken(string? issued)
    {
        var roll = random.Next(9);
        if (roll < 4 && issued is not null && TryDecode(issued, out var text) && text.IndexOf('\n', StringComparison.Ordinal) is var separator and >= 0)
        {
            var key = roll switch
            {
                0 => "-1",
                1 => long.MaxValue + "0",
                2 => Text(),
                _ => "T1002' OR 1=1 --",
            };
            return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text[..(separator + 1)] + key));
        }

        return roll switch
        {
            4 => "!!!not base64!!!",
            5 => Base64Url.EncodeToString([0xff, 0xfe, 0x0a, 0xed, 0xa0, 0x80]),
            6 => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("members|B01|0|0\n" + Repeat("z", 100_000))),
            7 => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("no separator")),
            _ => Text(),
        };
    }

    public static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        // Never cut a surrogate pair: the string must stay valid UTF-16 to be sent.
        var end = length;
        if (end < builder.Length && char.IsHighSurrogate(builder[end - 1]))
        {
            end--;
        }

        return builder.ToString(0, end);
    }

    private static bool TryDecode(string token, out string text)
    {
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return true;
        }
        catch (FormatException)
        {
            text = string.Empty;
            return false;
        }
    }
}
