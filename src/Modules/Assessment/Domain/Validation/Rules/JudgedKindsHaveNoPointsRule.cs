using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

/// <summary>Discretionary points come with each fact; positive facts only feed derived rules; a veto is not a number.</summary>
internal sealed class JudgedKindsHaveNoPointsRule : IRule<Rubric>
{
    private static readonly FactRule[] RulesWithoutPoints = [FactRule.Discretionary, FactRule.Positive, FactRule.Veto];

    public IEnumerable<string> ProblemsIn(Rubric rubric) =>
        rubric.FactKinds
            .Where(kind => RulesWithoutPoints.Contains(kind.Rule) && kind.Points is not null)
            .Select(kind => $"fact kind '{kind.Kind}' ({SeedNames.Of(kind.Rule)}) has points {kind.Points}; a {SeedNames.Of(kind.Rule)} kind has none");
}
