using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

internal sealed class DerivedRulesAreWellFormedRule : IRule<Rubric>
{
    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        foreach (var group in rubric.DerivedRules.GroupBy(rule => rule.Code).Where(group => group.Count() > 1))
        {
            yield return $"derived rule code '{group.Key}' appears {group.Count()} times";
        }

        foreach (var rule in rubric.DerivedRules)
        {
            if (rule.Requirements.Count == 0)
            {
                yield return $"derived rule '{rule.Code}' has no requirements";
            }

            foreach (var requirement in rule.Requirements.Where(requirement => requirement.AtLeast < 1))
            {
                yield return $"derived rule '{rule.Code}' requires at least {requirement.AtLeast} '{requirement.Kind}'; it must be 1 or more";
            }

            if (rule.Points <= 0)
            {
                yield return $"derived rule '{rule.Code}' has points {rule.Points}; they must be greater than 0";
            }
        }
    }
}
