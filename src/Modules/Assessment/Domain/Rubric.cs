namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>The scoring table (考核评分表): base items, fact kinds, derived rules and rating bands; the bonus part's criteria as printed.</summary>
internal sealed record Rubric(
    string Name,
    IReadOnlyList<RubricItem> Items,
    IReadOnlyList<FactKind> FactKinds,
    IReadOnlyList<DerivedRule> DerivedRules,
    IReadOnlyList<RatingBand> RatingBands,
    string BonusCriteria = "");
