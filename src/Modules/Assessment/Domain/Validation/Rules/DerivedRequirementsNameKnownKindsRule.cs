using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

internal sealed class DerivedRequirementsNameKnownKindsRule : IRule<Rubric>
{
    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        var known = rubric.FactKinds.Select(kind => kind.Kind).ToHashSet();
        return rubric.DerivedRules.SelectMany(rule => rule.Requirements
            .Where(requirement => !known.Contains(requirement.Kind))
            .Select(requirement => $"derived rule '{rule.Code}' requires unknown fact kind '{requirement.Kind}'"));
    }
}
