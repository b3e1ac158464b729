using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using Chuangji.Workflow.Tests.Assessment.Rubrics;

namespace Chuangji.Workflow.Tests.Assessment.Scoring;

/// <summary>
/// Inputs for hand-worked scorecards: the default rubric as 2026 version 1, Asia/Shanghai, and facts written the way
/// a secretary would register them. Every expectation in these tests is worked out from domain.md §5 by hand.
/// </summary>
internal static class ScoringKit
{
    public const int Year = 2026;

    public static readonly string[] CommonItems = ["STUDY", "ACHIEVEMENT", "SERVICE", "DISCIPLINE", "INTEGRITY"];

    private static readonly Lazy<YearRubric> LazyRubric = new(() => new YearRubric(Year, 1, DefaultRubric.Load()));

    public static YearRubric Rubric => LazyRubric.Value;

    public static TimeZoneInfo Shanghai { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Mid-January of the next year: every window of 2026 (H1, H2, the year) has closed.</summary>
    public static DateTimeOffset YearEnd => At(2027, 1, 15, 10, 0);

    /// <summary>A wall-clock moment in Shanghai (UTC+8, no daylight saving).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    public static decimal? DecOrNull(string? text) => text is null ? null : Dec(text);

    public static MemberCategory CategoryOf(string seedName) => seedName switch
    {
        "IN_SERVICE" => MemberCategory.InService,
        "RETIRED" => MemberCategory.Retired,
        _ => throw new ArgumentOutOfRangeException(nameof(seedName), seedName, "IN_SERVICE or RETIRED"),
    };

    /// <summary>The table's maximum: 16 for each common item, 20 for the member's own category item (§5, §9).</summary>
    public static decimal MaxOf(string itemCode) => itemCode.StartsWith("PERSONAL_", StringComparison.Ordinal) ? 20m : 16m;

    /// <summary>The six items whose scores make the base of a member of the category.</summary>
    public static string[] ApplicableItems(MemberCategory category) =>
        [.. CommonItems, category == MemberCategory.InService ? "PERSONAL_IN_SERVICE" : "PERSONAL_RETIRED"];

    /// <summary>
    /// A fact that happened on <paramref name="occurredOn"/> (yyyy-MM-dd); unless told otherwise it was recorded at
    /// the start of that day in Shanghai and never revoked.
    /// </summary>
    public static ScoredFact Fact(
        long id,
        string kind,
        string occurredOn,
        int count = 1,
        decimal? points = null,
        DateTimeOffset? recordedAt = null,
        DateTimeOffset? revokedAt = null)
    {
        var day = IsoDate.Parse(occurredOn);
        return new ScoredFact(
            id,
            kind,
            day,
            count,
            points,
            recordedAt ?? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)),
            revokedAt);
    }

    public static ScoredFact[] ThoughtReportsBothHalves() =>
    [
        Fact(901, "THOUGHT_REPORT", "2026-03-10"),
        Fact(902, "THOUGHT_REPORT", "2026-09-10"),
    ];

    /// <summary>One hardship contact and five struggling students (five separate facts): the assistance rule is met.</summary>
    public static ScoredFact[] AssistanceMet() =>
    [
        Fact(903, "ASSISTANCE_HARDSHIP", "2026-04-01"),
        Fact(904, "ASSISTANCE_STRUGGLING", "2026-04-02"),
        Fact(905, "ASSISTANCE_STRUGGLING", "2026-04-03"),
        Fact(906, "ASSISTANCE_STRUGGLING", "2026-04-04"),
        Fact(907, "ASSISTANCE_STRUGGLING", "2026-04-05"),
        Fact(908, "ASSISTANCE_STRUGGLING", "2026-04-06"),
    ];

    public static ScoredFact[] TwoGoodDeeds() =>
    [
        Fact(909, "GOOD_DEED", "2026-05-01"),
        Fact(910, "GOOD_DEED", "2026-10-01"),
    ];

    /// <summary>
    /// The positive facts that satisfy every derived rule of the category for the whole of 2026, so that a member
    /// scored at <see cref="YearEnd"/> keeps 100 unless the test adds something.
    /// </summary>
    public static ScoredFact[] Support(MemberCategory category) => category == MemberCategory.InService
        ? [.. ThoughtReportsBothHalves(), .. AssistanceMet(), .. TwoGoodDeeds()]
        : [.. ThoughtReportsBothHalves(), .. AssistanceMet()];

    public static ScoringInput Input(MemberCategory category, DateTimeOffset asOf, params BranchBonusItem[] approved) =>
        new(Rubric, category, asOf, Shanghai, approved, PeriodClosesOn: null);

    /// <summary>The default calendar's last day of assessment (mass review closes, domain.md §4, §9).</summary>
    public static readonly DateOnly MassReviewCloses = new(Year, 12, 17);

    public static Scorecard ScoreInPeriod(MemberCategory category, DateTimeOffset asOf, DateOnly? periodClosesOn, IEnumerable<ScoredFact> facts) =>
        ScorecardCalculator.Calculate(new ScoringInput(Rubric, category, asOf, Shanghai, [], periodClosesOn), facts);

    public static Scorecard Score(MemberCategory category, DateTimeOffset asOf, IEnumerable<ScoredFact> facts, params BranchBonusItem[] approved) =>
        ScorecardCalculator.Calculate(Input(category, asOf, approved), facts);

    /// <summary>Scored at <see cref="YearEnd"/> on top of <see cref="Support"/>.</summary>
    public static Scorecard ScoreSupported(MemberCategory category, params ScoredFact[] extra) =>
        Score(category, YearEnd, [.. Support(category), .. extra]);

    public static ItemScore Item(this Scorecard card, string code) =>
        card.Items.Should().ContainSingle(i => i.Code == code, $"the scorecard has one {code} item").Subject;

    public static IEnumerable<ScoreLine> AllLines(this Scorecard card) =>
        card.Items.SelectMany(i => i.Deductions).Concat(card.BonusLines);

    /// <summary>Every applicable item except <paramref name="except"/> is at its maximum with nothing taken off.</summary>
    public static void OtherItemsUntouched(this Scorecard card, MemberCategory category, params string[] except)
    {
        foreach (var code in ApplicableItems(category).Except(except))
        {
            var item = card.Item(code);
            item.Max.Should().Be(MaxOf(code));
            item.Score.Should().Be(MaxOf(code), $"nothing was taken off {code}");
            item.Deductions.Should().BeEmpty($"nothing was taken off {code}");
        }
    }

    /// <summary>The scores of the category's six items, in table order.</summary>
    public static decimal[] ItemScores(this Scorecard card, MemberCategory category) =>
        [.. ApplicableItems(category).Select(code => card.Item(code).Score)];
}
