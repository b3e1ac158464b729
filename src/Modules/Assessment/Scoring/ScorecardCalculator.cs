using Chuangji.Workflow.Modules.Assessment.Domain;

namespace Chuangji.Workflow.Modules.Assessment.Scoring;

/// <summary>
/// The scoring table of docs/domain.md §5 applied to one member's facts: pure, exact decimal arithmetic,
/// every point explained by a line.
/// </summary>
internal static class ScorecardCalculator
{
    public static Scorecard Calculate(ScoringInput input, IEnumerable<ScoredFact> facts)
    {
        var rubric = input.Rubric.Rubric;
        var year = input.Rubric.Year;
        var asOfDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(input.AsOf, input.Zone).DateTime);
        var counted = facts
            .Where(f => f.OccurredOn.Year == year && f.CountsAt(input.AsOf, asOfDate))
            .OrderBy(f => f.OccurredOn).ThenBy(f => f.Id)
            .ToList();

        var items = rubric.Items.Where(i => i.AppliesTo.Contains(input.Category)).ToList();
        var deductions = items.ToDictionary(i => i.Code, _ => new List<ScoreLine>(), StringComparer.Ordinal);
        var bonusLines = new List<ScoreLine>();
        VetoLine? veto = null;

        var kinds = rubric.FactKinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);
        var branchItems = input.ApprovedBonusItems.ToDictionary(b => b.Code, StringComparer.Ordinal);
        foreach (var group in counted.GroupBy(f => f.Kind, StringComparer.Ordinal))
        {
            var kindFacts = group.ToList();
            if (kinds.TryGetValue(group.Key, out var kind))
            {
                // Every kind is applied; the first veto found is the one named.
                var kindVeto = ApplyKind(kind, kindFacts, deductions, bonusLines);
                veto ??= kindVeto;
            }
            else if (branchItems.TryGetValue(group.Key, out var branchItem))
            {
                bonusLines.Add(new ScoreLine(branchItem.Code, branchItem.Name, Ids(kindFacts), branchItem.Points * TotalCount(kindFacts)));
            }
        }

        var judged = new List<DerivedWindowSpan>();
        foreach (var rule in rubric.DerivedRules.Where(r => deductions.ContainsKey(r.ItemCode)))
        {
            var windows = DerivedWindows.Of(rule.Window, year).Where(w => w.IsClosedOn(asOfDate, input.PeriodClosesOn)).ToList();
            judged.AddRange(windows.Where(w => !judged.Contains(w)));
            deductions[rule.ItemCode].AddRange(DerivedLines(rule, windows, counted, rubric));
        }

        var itemScores = items
            .Select(i => new ItemScore(i.Code, i.Name, i.MaxPoints, Math.Max(0m, i.MaxPoints - deductions[i.Code].Sum(d => d.Points)), deductions[i.Code]))
            .ToList();
        var baseScore = itemScores.Sum(i => i.Score);
        var bonus = bonusLines.Sum(b => b.Points);
        var total = baseScore + bonus;
        return new Scorecard(
            year, input.Rubric.Version, input.AsOf, itemScores, bonusLines, baseScore, bonus, total, veto, RatingFor(rubric, total, veto),
            judged.OrderBy(w => w.Last).ThenByDescending(w => w.First).ToList(), input.PeriodClosesOn);
    }

    /// <summary>Adds the kind's line where it belongs; returns the veto when the kind is one.</summary>
    private static VetoLine? ApplyKind(FactKind kind, List<ScoredFact> facts, Dictionary<string, List<ScoreLine>> deductions, List<ScoreLine> bonusLines)
    {
        if (kind.Rule == FactRule.Bonus)
        {
            bonusLines.Add(new ScoreLine(kind.Kind, kind.Name, Ids(facts), kind.Points!.Value * TotalCount(facts)));
            return null;
        }

        if (kind.Rule == FactRule.Veto)
        {
            return new VetoLine(kind.Kind, kind.Name, facts[0].Id);
        }

        var itemCode = kind.ItemCodes.FirstOrDefault(deductions.ContainsKey);
        if (itemCode is null)
        {
            // Registration refuses kinds that do not apply to the member's category; a category change
            // after registration leaves such facts out of the score rather than on a foreign item.
            return null;
        }

        var line = kind.Rule switch
        {
            FactRule.PerCount => new ScoreLine(kind.Kind, kind.Name, Ids(facts), kind.Points!.Value * TotalCount(facts)),
            FactRule.OnceAYear => new ScoreLine(kind.Kind, kind.Name, Ids(facts), kind.Points!.Value),
            FactRule.Discretionary => new ScoreLine(kind.Kind, kind.Name, Ids(facts), facts.Sum(f => (f.Points ?? 0m) * f.Count)),
            _ => null,
        };
        if (line is not null)
        {
            deductions[itemCode].Add(line);
        }

        return null;
    }

    /// <summary>
    /// A line per judged window the rule's requirements fell short in, worded for the member, in Chinese:
    /// "思想汇报少于要求（2026年上半年：思想汇报 0/1）", the kinds by their names in the rubric.
    /// </summary>
    private static IEnumerable<ScoreLine> DerivedLines(DerivedRule rule, IEnumerable<DerivedWindowSpan> closedWindows, List<ScoredFact> counted, Rubric rubric)
    {
        foreach (var window in closedWindows)
        {
            var inWindow = counted.Where(f => window.Contains(f.OccurredOn)).ToList();
            var shortfalls = rule.Requirements
                .Select(r => (Requirement: r, Have: TotalCount(inWindow.Where(f => f.Kind == r.Kind))))
                .Where(x => x.Have < x.Requirement.AtLeast)
                .ToList();
            if (shortfalls.Count == 0)
            {
                continue;
            }

            var supporting = inWindow.Where(f => rule.Requirements.Any(r => r.Kind == f.Kind)).ToList();
            var what = string.Join("；", shortfalls.Select(s => $"{KindName(rubric, s.Requirement.Kind)} {s.Have}/{s.Requirement.AtLeast}"));
            var points = rule.Mode == DerivedMode.PerWindow
                ? rule.Points
                : rule.Points * shortfalls.Sum(s => s.Requirement.AtLeast - s.Have);
            yield return new ScoreLine(rule.Code, $"{rule.Description}（{window.Label}：{what}）", Ids(supporting), points);
        }
    }

    private static string KindName(Rubric rubric, string kind) => rubric.FactKinds.FirstOrDefault(k => k.Kind == kind)?.Name ?? kind;

    private static SuggestedRating RatingFor(Rubric rubric, decimal total, VetoLine? veto)
    {
        var bands = rubric.RatingBands.OrderByDescending(b => b.MinTotal).ToList();
        var band = veto is not null ? bands[^1] : bands.First(b => total >= b.MinTotal);
        return new SuggestedRating(band.Rating, band.Name);
    }

    private static long TotalCount(IEnumerable<ScoredFact> facts) => facts.Sum(f => (long)f.Count);

    private static long[] Ids(IEnumerable<ScoredFact> facts) => facts.Select(f => f.Id).ToArray();
}
