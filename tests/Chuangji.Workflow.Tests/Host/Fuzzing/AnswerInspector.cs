using System.Collections;
using System.Globalization;
using System.Text;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>One kind of wrong answer, with the first request that drew it and how often it came.</summary>
internal sealed record Finding(string Rpc, string Problem, StatusCode Code, string Detail, string Request)
{
    public int Times { get; set; } = 1;

    public override string ToString() => $"{Rpc}: {Problem} ({Code}, {Times}x)\n    detail:  {Detail}\n    request: {Request}";
}

/// <summary>
/// Judges every answer: never INTERNAL, UNKNOWN or another status that blames the service; no stack trace,
/// SQL or type name in the message or details; no more of a caller's value than <see cref="Echo.MaxLength"/>
/// characters; trailers within <see cref="MaxTrailerBytes"/>. Keeps the figures the report needs.
/// </summary>
internal sealed class AnswerInspector
{
    /// <summary>What the trailers of any answer may take: a few KB, far below what HTTP/2 clients accept.</summary>
    public const int MaxTrailerBytes = 8 * 1024;

    private static readonly StatusCode[] Blaming =
    [
        StatusCode.Internal, StatusCode.Unknown, StatusCode.Unavailable, StatusCode.DataLoss, StatusCode.Unimplemented, StatusCode.Unauthenticated,
    ];

    private static readonly string[] Internals =
    [
        "   at ", ".cs:line", "Exception", "SELECT ", "INSERT INTO", "UPDATE \"", "SQLite", "sqlite", "constraint failed", "at Chuangji.", "System.", "Microsoft.",
    ];

    private static readonly Dictionary<string, MessageParser> DetailParsers = new[]
    {
        BadRequest.Descriptor, ResourceInfo.Descriptor, PreconditionFailure.Descriptor, ErrorInfo.Descriptor, Help.Descriptor, DebugInfo.Descriptor,
    }.ToDictionary(d => "type.googleapis.com/" + d.FullName, d => d.Parser);

    private readonly Dictionary<(string, string, StatusCode), Finding> _findings = [];

    public int Answers { get; private set; }

    public SortedDictionary<StatusCode, int> Codes { get; } = [];

    /// <summary>The first RPC that answered each status, for the report.</summary>
    public Dictionary<StatusCode, string> FirstRpcs { get; } = [];

    public (int Length, string Rpc) LargestMessage { get; private set; }

    public (int Bytes, string Rpc) LargestTrailers { get; private set; }

    public IReadOnlyCollection<Finding> Findings => _findings.Values;

    public void Inspect(MethodDescriptor rpc, IMessage? request, Answer answer, Func<string> describe)
    {
        Answers++;
        Codes[answer.Code] = Codes.GetValueOrDefault(answer.Code) + 1;
        var path = DynamicRpc.PathOf(rpc);
        FirstRpcs.TryAdd(answer.Code, path);
        if (answer.Detail.Length > LargestMessage.Length)
        {
            LargestMessage = (answer.Detail.Length, path);
        }

        var trailerBytes = TrailerBytes(answer);
        if (trailerBytes > LargestTrailers.Bytes)
        {
            LargestTrailers = (trailerBytes, path);
        }

        if (Blaming.Contains(answer.Code))
        {
            Note(path, "a status that blames the service", answer, describe);
        }

        if (answer.Code == StatusCode.Cancelled && !rpc.IsServerStreaming)
        {
            Note(path, "CANCELLED, though only a stream is hung up on", answer, describe);
        }

        if (trailerBytes > MaxTrailerBytes)
        {
            Note(path, $"trailers of {trailerBytes} bytes (at most {MaxTrailerBytes})", answer, describe);
        }

        var texts = new List<string> { answer.Detail };
        if (!TryDetailTexts(answer.Trailers, texts))
        {
            Note(path, "grpc-status-details-bin that is not a google.rpc.Status", answer, describe);
        }

        foreach (var internals in Internals.Where(word => texts.Any(text => text.Contains(word, StringComparison.Ordinal))))
        {
            Note(path, $"internals in the status ('{internals.Trim()}')", answer, describe);
        }

        if (request is not null)
        {
            var said = string.Join('\uffff', texts);
            foreach (var value in TextsOf(request).Where(v => v.Length > Echo.MaxLength).Distinct())
            {
                if (EchoRuns.Echoes(said, value, Echo.MaxLength + 1))
                {
                    Note(path, $"more than {Echo.MaxLength} characters of a caller's value echoed", answer, describe);
                    break;
                }
            }
        }
    }

    /// <summary>Notes an answer that is not the one a case demands (a malformed body's INVALID_ARGUMENT and message).</summary>
    public void Expect(MethodDescriptor rpc, Answer answer, StatusCode code, string detail, Func<string> describe)
    {
        if (answer.Code != code || answer.Detail != detail)
        {
            Note(DynamicRpc.PathOf(rpc), $"not {code} '{detail}'", answer, describe);
        }
    }

    /// <summary>Every string in a message, at every depth, map keys and values included.</summary>
    public static IEnumerable<string> TextsOf(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            var items = field.IsMap ? ((IDictionary)value).Keys.Cast<object>().Concat(((IDictionary)value).Values.Cast<object>())
                : field.IsRepeated ? ((IList)value).Cast<object>()
                : [value];
            foreach (var item in items)
            {
                switch (item)
                {
                    case string text:
                        yield return text;
                        break;
                    case IMessage nested:
                        foreach (var text in TextsOf(nested))
                        {
                            yield return text;
                        }

                        break;
                }
            }
        }
    }

    /// <summary>A request in a line: each field's value cut to a few characters, long lists counted.</summary>
    public static string Describe(IMessage message, int budget = 400)
    {
        var builder = new StringBuilder();
        Write(builder, message);
        return builder.Length <= budget ? builder.ToString() : builder.ToString(0, budget) + "…";
    }

    private static void Write(StringBuilder builder, IMessage message)
    {
        builder.Append('{');
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated && ((IList)value).Count == 0 || !field.IsRepeated && field.HasPresence && !field.Accessor.HasValue(message))
            {
                continue;
            }

            builder.Append(field.Name).Append('=');
            if (field.IsRepeated)
            {
                var list = (IList)value;
                builder.Append(CultureInfo.InvariantCulture, $"[{list.Count}: ");
                WriteValue(builder, list[0]);
                builder.Append(list.Count > 1 ? ", …]" : "]");
            }
            else
            {
                WriteValue(builder, value);
            }

            builder.Append(' ');
        }

        builder.Append('}');
    }

    private static void WriteValue(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case IMessage nested:
                Write(builder, nested);
                break;
            case string text:
                var shown = text.Length <= 24 ? text : text[..24] + $"…({text.Length})";
                builder.Append('"').Append(shown.Replace("\0", "\\0", StringComparison.Ordinal)).Append('"');
                break;
            default:
                builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>What the trailers take on the wire: names, values (base64 for binary ones), and the percent-encoded message.</summary>
    public static int TrailerBytes(Answer answer)
    {
        var bytes = "grpc-status".Length + 2 + "grpc-message".Length + PercentEncodedLength(answer.Detail);
        foreach (var entry in answer.Trailers.Where(e => e.Key is not ("grpc-status" or "grpc-message")))
        {
            bytes += entry.Key.Length + (entry.IsBinary ? (entry.ValueBytes.Length + 2) / 3 * 4 : Encoding.UTF8.GetByteCount(entry.Value));
        }

        return bytes;
    }

    private static int PercentEncodedLength(string text) =>
        Encoding.UTF8.GetBytes(text).Sum(b => b is >= 0x20 and <= 0x7e and not (byte)'%' ? 1 : 3);

    private static bool TryDetailTexts(Metadata trailers, List<string> texts)
    {
        var details = trailers.GetValueBytes("grpc-status-details-bin");
        if (details is null)
        {
            return true;
        }

        try
        {
            var status = Google.Rpc.Status.Parser.ParseFrom(details);
            texts.Add(status.Message);
            foreach (var any in status.Details)
            {
                if (DetailParsers.TryGetValue(any.TypeUrl, out var parser))
                {
                    texts.AddRange(TextsOf(parser.ParseFrom(any.Value)));
                }
                else
                {
                    texts.Add(any.TypeUrl);
                }
            }

            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    private void Note(string rpc, string problem, Answer answer, Func<string> describe)
    {
        var key = (rpc, problem, answer.Code);
        if (_findings.TryGetValue(key, out var seen))
        {
            seen.Times++;
            return;
        }

        var detail = answer.Detail.Length <= 300 ? answer.Detail : answer.Detail[..300] + $"…({answer.Detail.Length})";
        _findings[key] = new Finding(rpc, problem, answer.Code, detail, describe());
    }
}
