using Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// The table's two parts as the source prints them: 共性内容, the items every member is scored on, and 个性内容,
/// the item of the member's own category (one column, whichever applies).
/// </summary>
internal static class RubricColumns
{
    public static IReadOnlyList<RubricItem> Common(Rubric rubric)
    {
        var categories = rubric.Items.SelectMany(i => i.AppliesTo).Distinct().Count();
        return rubric.Items.Where(i => i.AppliesTo.Distinct().Count() == categories).ToList();
    }

    public static IReadOnlyList<RubricItem> Personal(Rubric rubric)
    {
        var common = Common(rubric);
        return rubric.Items.Where(i => !common.Contains(i)).ToList();
    }

    /// <summary>The personal part's worth, e.g. "20" (the items' largest: a member has exactly one).</summary>
    public static string PersonalMax(Rubric rubric) =>
        Personal(rubric).Select(i => decimal.Parse(i.MaxPoints, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0m).Max()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The member's score on the items outside the common part.</summary>
    public static string PersonalScore(Scorecard card, IReadOnlyList<RubricItem> common) =>
        string.Join(" ", card.Items.Where(i => common.All(c => c.Code != i.Code)).Select(i => i.Score));
}
