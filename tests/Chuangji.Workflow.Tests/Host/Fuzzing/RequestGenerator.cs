using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>How a generated request is spoiled.</summary>
internal enum FuzzMode
{
    /// <summary>Every field set to something a real caller might send.</summary>
    ValidLooking,

    /// <summary>Valid-looking, but for one field (perhaps deep in a row) set to something hostile.</summary>
    OneBadField,

    /// <summary>Valid-looking, then about half the fields, at every depth, hostile.</summary>
    ManyBadFields,

    /// <summary>Nothing set at all.</summary>
    Empty,
}

/// <summary>
/// Builds a request for any message type from its descriptor: plausible values chosen by field name (the demo
/// college's staff numbers and branches, the year 2026, dates, scoring kinds), then spoiled as the mode says.
/// Page tokens the service issued are collected by the caller and reused, as they are or forged.
/// </summary>
internal sealed class RequestGenerator(Random random, IReadOnlyList<string> issuedPageTokens)
{
    private const int MaxDepth = 4;

    private static readonly string[] StaffNumbers = ["T1002", "T1001", "T1003", "T1011", "R2001", "R2002", "T9999"];
    private static readonly string[] BranchCodes = ["B01", "B02", "B04", "B09"];
    private static readonly string[] Kinds = ["MEETING_ABSENCE", "MEETING_LATE", "STUDY_SHORTFALL", "THOUGHT_REPORT", "GOOD_DEED", "AWARD_CITY", "LEGAL_VIOLATION", "B01_TEACHING"];
    private static readonly string[] ItemCodes = ["STUDY", "DISCIPLINE", "B01_TEACHING", "B01"];
    private static readonly string[] Points = ["1", "0.5", "2", "1.5", "16", "100", "0"];
    private static readonly string[] Names = ["王建国", "第一党支部", "刘洋", "带头学习提高"];
    private static readonly string[] Prose = ["按时参加组织生活", "签到系统误报", "互评良好", "继续保持", "补充材料后重新评定", "评为优秀共产党员"];
    private static readonly string[] Actors = ["fuzzer", "leadership", "secretary-B01", string.Empty];
    private static readonly string[] Ratings = ["EXCELLENT", "QUALIFIED", "BASICALLY_QUALIFIED", "UNQUALIFIED"];

    private readonly HostileValues _hostile = new(random);

    public IMessage Generate(MessageDescriptor type, FuzzMode mode)
    {
        var message = NewMessage(type);
        if (mode == FuzzMode.Empty)
        {
            return message;
        }

        FillPlausibly(message, 0);
        if (mode == FuzzMode.OneBadField)
        {
            SpoilOne(message, 0);
        }
        else if (mode == FuzzMode.ManyBadFields)
        {
            SpoilMany(message, 0);
        }

        return message;
    }

    private static IMessage NewMessage(MessageDescriptor type) => (IMessage)Activator.CreateInstance(type.ClrType)!;

    private void FillPlausibly(IMessage message, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.HasPresence && field.FieldType != FieldType.Message && random.Next(2) == 0)
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var count = depth >= MaxDepth ? 0 : random.Next(1, 4);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Plausible(field, message, depth));
                }
            }
            else if (field.FieldType != FieldType.Message || depth < MaxDepth)
            {
                field.Accessor.SetValue(message, Plausible(field, message, depth));
            }
        }
    }

    private object Plausible(FieldDescriptor field, IMessage owner, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                return PlausibleText(field.Name, owner.Descriptor.Name);
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                return PlausibleNumber(field.Name);
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                return (long)PlausibleNumber(field.Name);
            case FieldType.Bool:
                return random.Next(2) == 0;
            case FieldType.Enum:
                var values = field.EnumType.Values.Where(v => v.Number != 0).ToList();
                return EnumValue(field, values.Count == 0 ? 0 : values[random.Next(values.Count)].Number);
            case FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName:
                return Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 60 * 24 * 400)));
            case FieldType.Message:
                var nested = NewMessage(field.MessageType);
                FillPlausibly(nested, depth + 1);
                return nested;
            default:
                throw new NotSupportedException($"{field.FullName}: the fuzzer has no values of type {field.FieldType}");
        }
    }

    private string PlausibleText(string field, string owner) => field switch
    {
        "staff_number" or "secretary_staff_number" => Pick(StaffNumbers),
        "branch_code" or "to_branch_code" => Pick(BranchCodes),
        "code" when owner is "CreateBranchRequest" or "GetBranchRequest" or "UpdateBranchRequest" => Pick(BranchCodes),
        "code" or "item_code" or "item_codes" => Pick(ItemCodes),
        "kind" => Pick(Kinds),
        "points" or "max_points" or "min_total" => Pick(Points),
        "rating" => Pick(Ratings),
        "name" or "secretary_name" or "description" or "specialty" => Pick(Names),
        "time_zone" => "Asia/Shanghai",
        "request_id" => $"fz-{random.Next(1_000_000)}",
        "page_token" => issuedPageTokens.Count > 0 && random.Next(2) == 0 ? issuedPageTokens[random.Next(issuedPageTokens.Count)] : string.Empty,
        "actor" or "recorded_by" or "revoked_by" or "delivered_by" or "author" => Pick(Actors),
        "joined_party_on" => $"{random.Next(1960, 2026)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
        _ when field.EndsWith("_on", StringComparison.Ordinal) || field.EndsWith("_due", StringComparison.Ordinal)
            || field.EndsWith("_date", StringComparison.Ordinal) || field is "mass_review_closes" or "determination_by" =>
            $"2026-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
        _ => Pick(Prose),
    };

    private int PlausibleNumber(string field) => field switch
    {
        "year" => Pick([2026, 2026, 2025, 2027]),
        "page_size" => Pick([0, 1, 2, 5]),
        "count" or "at_least" => random.Next(1, 4),
        "publicity_days" => random.Next(3, 11),
        "reminder_days_before" => Pick([7, 3, 1]),
        "after_id" or "row" => random.Next(0, 5),
        _ => random.Next(1, 21),
    };

    /// <summary>One field, at some depth, made hostile; the rest stays valid-looking.</summary>
    private void SpoilOne(IMessage message, int depth)
    {
        var fields = message.Descriptor.Fields.InFieldNumberOrder();
        if (fields.Count == 0)
        {
            return;
        }

        var field = fields[random.Next(fields.Count)];
        if (field.FieldType == FieldType.Message && field.MessageType.FullName != Timestamp.Descriptor.FullName && random.Next(2) == 0)
        {
            var inner = field.IsRepeated
                ? ((IList)field.Accessor.GetValue(message)).OfType<IMessage>().FirstOrDefault()
                : field.Accessor.GetValue(message) as IMessage;
            if (inner is not null)
            {
                SpoilOne(inner, depth + 1);
                return;
            }
        }

        SetHostile(message, field, depth);
    }

    private void SpoilMany(IMessage message, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.Message && field.MessageType.FullName != Timestamp.Descriptor.FullName && random.Next(2) == 0)
            {
                var inners = field.IsRepeated
                    ? ((IList)field.Accessor.GetValue(message)).OfType<IMessage>().ToList()
                    : field.Accessor.GetValue(message) is IMessage one ? [one] : [];
                inners.ForEach(inner => SpoilMany(inner, depth + 1));
            }
            else if (random.Next(2) == 0)
            {
                SetHostile(message, field, depth);
            }
        }
    }

    private void SetHostile(IMessage message, FieldDescriptor field, int depth)
    {
        if (!field.IsRepeated)
        {
            if (field.FieldType == FieldType.Message && field.MessageType.FullName != Timestamp.Descriptor.FullName && random.Next(3) == 0)
            {
                field.Accessor.Clear(message);
                return;
            }

            field.Accessor.SetValue(message, Hostile(field, message, depth));
            return;
        }

        var list = (IList)field.Accessor.GetValue(message);
        switch (random.Next(4))
        {
            case 0:
                list.Clear();
                break;
            case 1:
                // More rows than any batch takes: 1,001 facts, 10,001 roster rows; plausible rows, so they are cheap to judge.
                var rows = random.Next(3) == 0 ? 10_001 : 1_001;
                for (var i = list.Count; i < rows; i++)
                {
                    list.Add(Plausible(field, message, Math.Max(depth, MaxDepth - 1)));
                }

                break;
            default:
                list.Add(Hostile(field, message, depth));
                break;
        }
    }

    private object Hostile(FieldDescriptor field, IMessage owner, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.String when field.Name == "page_token":
                return _hostile.PageToken(issuedPageTokens.Count > 0 ? issuedPageTokens[random.Next(issuedPageTokens.Count)] : null);
            case FieldType.String:
                return _hostile.Text();
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                return _hostile.Int32();
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                return _hostile.Int64();
            case FieldType.Bool:
                return random.Next(2) == 0;
            case FieldType.Enum:
                return EnumValue(field, random.Next(4) == 0 ? 0 : _hostile.UnknownEnumNumber());
            case FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName:
                return _hostile.Timestamp();
            case FieldType.Message:
                var nested = NewMessage(field.MessageType);
                if (depth < MaxDepth)
                {
                    FillPlausibly(nested, depth + 1);
                    SpoilMany(nested, depth + 1);
                }

                return nested;
            default:
                throw new NotSupportedException($"{field.FullName} in {owner.Descriptor.FullName}: the fuzzer has no values of type {field.FieldType}");
        }
    }

    private static object EnumValue(FieldDescriptor field, int number) => System.Enum.ToObject(field.EnumType.ClrType, number);

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
