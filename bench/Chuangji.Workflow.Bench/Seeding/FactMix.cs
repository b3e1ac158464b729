using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Bench.Seeding;

/// <summary>
/// A year of facts as a college registers them (kinds of seeds/rubric.default.json): mostly assistance,
/// thought reports and good deeds, a steady trickle of absences and late arrivals, a few discretionary
/// deductions and awards, the odd missing commitment and a very rare veto. Kinds respect the member's
/// category (good deeds only in service, cultural activities only retired). Dates fall in the year up to
/// <c>lastDay</c>; each fact is recorded within three days of happening, during office hours.
/// </summary>
internal sealed class FactMix
{
    public const int Year = 2026;

    private const double NoCommitmentOdds = 0.02;

    private const double VetoOdds = 0.0005;

    private static readonly string[] MeetingNotes = ["支部大会", "三会一课", "主题党日", "专题组织生活会", ""];
    private static readonly string[] AssistanceNotes = ["走访慰问", "学业帮扶", "谈心谈话", ""];
    private static readonly string[] DeedNotes = ["志愿服务", "帮扶困难群众", "社区共建", ""];
    private static readonly string[] NoNotes = [""];

    private static readonly Weighted[] Kinds =
    [
        new("ASSISTANCE_STRUGGLING", 24, null, AssistanceNotes, MaxCount: 3),
        new("GOOD_DEED", 18, MemberCategoryCode.InService, DeedNotes),
        new("THOUGHT_REPORT", 14, null, NoNotes),
        new("MEETING_LATE", 5, null, MeetingNotes),
        new("MEETING_ABSENCE", 3, null, MeetingNotes),
        new("ASSISTANCE_HARDSHIP", 6, null, AssistanceNotes),
        new("ORG_LIFE_ABSENCE", 1.5, null, MeetingNotes),
        new("VOLUNTEER_ABSENCE", 1.5, null, DeedNotes),
        new("TASK_OVERDUE", 1.5, null, NoNotes),
        new("CULTURAL_ACTIVITY_ABSENCE", 1.5, MemberCategoryCode.Retired, NoNotes),
        new("DUES_LATE", 1, null, NoNotes),
        new("EMERGENCY_ABSENCE", 1, null, NoNotes),
        new("STUDY_SHORTFALL", 1, null, ["未完成网络学习学时"], Discretionary: true),
        new("ROLE_SHORTFALL", 0.5, null, ["先锋模范作用发挥不够"], Discretionary: true),
        new("EXECUTION_SHORTFALL", 0.5, null, ["执行支部决议不到位"], Discretionary: true),
        new("INTEGRITY_SHORTFALL", 0.5, null, ["群众反映"], Discretionary: true),
        new("CONDUCT_SHORTFALL", 0.5, null, ["个性要求未落实"], Discretionary: true),
        new("AWARD_DEPARTMENT", 1.5, null, ["年度考核优秀"]),
        new("AWARD_CITY", 0.4, null, ["市级表彰"]),
        new("AWARD_PROVINCIAL", 0.1, null, ["省级表彰"]),
        new("WORK_CITY_ADVANCED", 0.2, MemberCategoryCode.InService, ["分管工作获表彰"]),
        new("WORK_PROVINCIAL_ADVANCED", 0.05, MemberCategoryCode.InService, ["分管工作获表彰"]),
        new("WORK_CITY_COMMENDATION", 0.1, MemberCategoryCode.InService, ["市级通报表扬"]),
    ];

    private static readonly DateOnly FirstDay = new(Year, 1, 1);
    private static readonly Weighted NoCommitment = new("NO_COMMITMENT", 0, null, ["未在规定时间内承诺"]);
    private static readonly Weighted Veto = new("LEGAL_VIOLATION", 0, null, ["受治安处罚"]);

    private readonly Random _random;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly Dictionary<MemberCategoryCode, (Weighted[] Kinds, double[] Cumulative)> _tables;

    public FactMix(int seed)
    {
        _random = new Random(seed);
        _tables = new[] { MemberCategoryCode.InService, MemberCategoryCode.Retired }.ToDictionary(c => c, Table);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _zone).DateTime);
        LastDay = new[] { new DateOnly(Year, 11, 20), today.AddDays(-1) }.Min();
    }

    /// <summary>The last day facts fall on: 2026-11-20, or yesterday if that is earlier (the service refuses future dates).</summary>
    public DateOnly LastDay { get; }

    /// <summary><paramref name="perMember"/> facts for each member, interleaved in the order they would be registered.</summary>
    public PlannedFact[] Plan(IReadOnlyList<PlannedMember> members, int perMember)
    {
        var facts = new PlannedFact[members.Count * perMember];
        var next = 0;
        foreach (var member in members)
        {
            foreach (var fact in ForMember(member, perMember))
            {
                facts[next++] = fact;
            }
        }

        var registered = facts.Select(f => f.RecordedAtUtcTicks).ToArray();
        Array.Sort(registered, facts);
        return facts;
    }

    /// <summary>
    /// <paramref name="perMember"/> facts for each member, streamed round by round instead of planned all at once: round
    /// <c>r</c> gives every member their r-th fact, dated in the r-th of <paramref name="perMember"/> equal slices of the
    /// year, and yields the round in registration order. Only one round is held (a fact per member, about 100 bytes each),
    /// however many facts per member; a college's ledger fills up in about the order it would have been registered in.
    /// As in <see cref="Plan"/>, one member in 50 has a NO_COMMITMENT (here in the first slice, when commitments close)
    /// and one in 2,000 a veto.
    /// </summary>
    public IEnumerable<PlannedFact> InRegistrationOrder(IReadOnlyList<PlannedMember> members, int perMember)
    {
        var round = new PlannedFact[members.Count];
        var registered = new long[members.Count];
        for (var r = 0; r < perMember; r++)
        {
            var (from, to) = Slice(r, perMember);
            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                var kind = r == 0 && _random.NextDouble() < NoCommitmentOdds ? NoCommitment
                    : r == 1 && _random.NextDouble() < VetoOdds ? Veto
                    : Draw(member.Category);
                round[i] = Fact(member, kind, from.AddDays(_random.Next(to.DayNumber - from.DayNumber)));
                registered[i] = round[i].RecordedAtUtcTicks;
            }

            Array.Sort(registered, round);
            foreach (var fact in round)
            {
                yield return fact;
            }
        }
    }

    private IEnumerable<PlannedFact> ForMember(PlannedMember member, int count)
    {
        var produced = 0;
        if (_random.NextDouble() < NoCommitmentOdds)
        {
            produced++;
            yield return Fact(member, NoCommitment, AnyDay());
        }

        if (produced < count && _random.NextDouble() < VetoOdds)
        {
            produced++;
            yield return Fact(member, Veto, AnyDay());
        }

        for (; produced < count; produced++)
        {
            var kind = Draw(member.Category);
            yield return Fact(member, kind, AnyDay());
        }
    }

    private Weighted Draw(MemberCategoryCode category)
    {
        var (kinds, cumulative) = _tables[category];
        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return kinds[index < 0 ? ~index : index];
    }

    private DateOnly AnyDay() => FirstDay.AddDays(_random.Next(LastDay.DayNumber - FirstDay.DayNumber + 1));

    /// <summary>The r-th of <paramref name="slices"/> equal runs of days from the first day to the last: [from, to), never empty.</summary>
    private (DateOnly From, DateOnly To) Slice(int r, int slices)
    {
        var days = LastDay.DayNumber - FirstDay.DayNumber + 1;
        var from = (int)((long)r * days / slices);
        var to = Math.Max(from + 1, (int)((long)(r + 1) * days / slices));
        return (FirstDay.AddDays(from), FirstDay.AddDays(to));
    }

    private PlannedFact Fact(PlannedMember member, Weighted kind, DateOnly occurred)
    {
        var recordedLocal = occurred.ToDateTime(new TimeOnly(8, 30))
            .AddDays(_random.Next(4))
            .AddMinutes(_random.Next(9 * 60));
        var latest = LastDay.ToDateTime(new TimeOnly(18, 0));
        var recorded = TimeZoneInfo.ConvertTimeToUtc(recordedLocal < latest ? recordedLocal : latest, _zone);
        return new PlannedFact(
            member.Index,
            member.StaffNumber,
            kind.Kind,
            occurred,
            kind.MaxCount == 1 ? 1 : 1 + _random.Next(kind.MaxCount),
            kind.Discretionary ? 5 * (1 + _random.Next(6)) : null,
            kind.Notes[_random.Next(kind.Notes.Length)],
            member.Branch.SecretaryStaffNumber,
            recorded.Ticks,
            RequestId());
    }

    private Guid RequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static (Weighted[] Kinds, double[] Cumulative) Table(MemberCategoryCode category)
    {
        var kinds = Kinds.Where(k => k.Only is null || k.Only == category).ToArray();
        var sum = 0d;
        return (kinds, kinds.Select(k => sum += k.Weight).ToArray());
    }

    private sealed record Weighted(string Kind, double Weight, MemberCategoryCode? Only, string[] Notes, int MaxCount = 1, bool Discretionary = false);
}
