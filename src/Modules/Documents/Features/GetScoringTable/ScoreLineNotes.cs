using System.Globalization;
using Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Documents.Features.GetScoringTable;

/// <summary>
/// 备注 for a line of the scorecard: what moved the score, by how much, and the facts behind it by day and count,
/// e.g. "无故缺席 扣4分（2026年3月12日；2026年4月2日 ×1）".
/// </summary>
internal sealed class ScoreLineNotes(IReadOnlyDictionary<long, Fact> facts)
{
    public string Deducted(ScoreLine line) => $"{line.Description} 扣{line.Points}分{Behind(line)}";

    public string Added(ScoreLine line) => $"{line.Description} 加{line.Points}分{Behind(line)}";

    /// <summary>The veto on the item its kind belongs to: "一票否决：违反…（2026年5月2日），定为不合格".</summary>
    public string Vetoed(Veto veto) =>
        $"一票否决：{veto.Name}{(facts.TryGetValue(veto.FactId, out var fact) ? $"（{Sources.ChineseDates.Day(fact.OccurredOn)}）" : string.Empty)}，定为不合格";

    private string Behind(ScoreLine line)
    {
        var days = line.FactIds
            .Select(id => facts.TryGetValue(id, out var fact) ? fact : null)
            .OfType<Fact>()
            .OrderBy(f => f.OccurredOn, StringComparer.Ordinal)
            .Select(f => f.Count > 1
                ? $"{Sources.ChineseDates.Day(f.OccurredOn)} {f.Count.ToString(CultureInfo.InvariantCulture)}次"
                : Sources.ChineseDates.Day(f.OccurredOn))
            .ToList();
        return days.Count == 0 ? string.Empty : $"（{string.Join("；", days)}）";
    }
}
