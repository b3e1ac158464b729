using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Seeding;

namespace Chuangji.Workflow.Tests.Assessment.Rubrics;

/// <summary>The shipped seed (copied beside the binaries, where the Host reads it) and edits that break one thing in it.</summary>
internal static class DefaultRubric
{
    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "seeds", DefaultRubricSource.FileName);

    public static Rubric Load() => DefaultRubricSource.Load(SeedPath);

    public static Rubric WithKind(this Rubric rubric, string kind, Func<FactKind, FactKind> edit) =>
        rubric with { FactKinds = rubric.FactKinds.Select(k => k.Kind == kind ? edit(k) : k).ToList() };

    public static Rubric WithItem(this Rubric rubric, string code, Func<RubricItem, RubricItem> edit) =>
        rubric with { Items = rubric.Items.Select(i => i.Code == code ? edit(i) : i).ToList() };

    public static Rubric WithDerivedRule(this Rubric rubric, string code, Func<DerivedRule, DerivedRule> edit) =>
        rubric with { DerivedRules = rubric.DerivedRules.Select(r => r.Code == code ? edit(r) : r).ToList() };

    public static Rubric WithBand(this Rubric rubric, string rating, Func<RatingBand, RatingBand> edit) =>
        rubric with { RatingBands = rubric.RatingBands.Select(b => b.Rating == rating ? edit(b) : b).ToList() };
}
