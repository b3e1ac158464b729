using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Assessment.Facts.Registration;

/// <summary>Whether a kind may be registered for this member, and with which points.</summary>
internal static class FactKindRules
{
    public static void Check(ShapedFact fact, MemberSnapshot member, YearRubric rubric, IReadOnlyList<BonusItem> branchItems, string prefix)
    {
        var kind = rubric.Rubric.FactKinds.FirstOrDefault(k => k.Kind == fact.Kind);
        if (kind is not null)
        {
            CheckRubricKind(fact, member, rubric.Rubric, kind, prefix);
            return;
        }

        var item = branchItems.FirstOrDefault(b => b.Code == fact.Kind)
            ?? throw new InvalidArgumentException(prefix + "kind", $"'{Echo.Of(fact.Kind)}' is neither a kind of the {rubric.Year} scoring table nor a bonus item of {rubric.Year}; GetRubric and ListBonusItems list them");
        CheckBranchItem(fact, member, item, prefix);
    }

    private static void CheckRubricKind(ShapedFact fact, MemberSnapshot member, Rubric rubric, FactKind kind, string prefix)
    {
        var category = (MemberCategory)(int)member.Category;
        if (kind.Rule != FactRule.Bonus)
        {
            var itemCode = kind.ItemCodes.FirstOrDefault(code => rubric.Items.Any(i => i.Code == code && i.AppliesTo.Contains(category)));
            if (itemCode is null)
            {
                throw new InvalidArgumentException(prefix + "kind", $"{kind.Kind} scores on {string.Join(", ", kind.ItemCodes)}, which does not apply to {SeedNames.Of(category)} members like {member.StaffNumber}");
            }

            if (kind.Rule == FactRule.Discretionary)
            {
                var max = rubric.Items.Single(i => i.Code == itemCode).MaxPoints;
                if (fact.Points is not { } points)
                {
                    throw new InvalidArgumentException(prefix + "points", $"is required for the discretionary kind {kind.Kind} (酌情扣分): more than 0, at most {max}");
                }

                if (points > max)
                {
                    throw new InvalidArgumentException(prefix + "points", $"must not exceed {itemCode}'s maximum of {max}, not {points}");
                }

                return;
            }
        }

        if (fact.Points is not null)
        {
            throw new InvalidArgumentException(prefix + "points", $"must be empty: {kind.Kind} has fixed points in the scoring table");
        }
    }

    private static void CheckBranchItem(ShapedFact fact, MemberSnapshot member, BonusItem item, string prefix)
    {
        if (item.Status != BonusItemStatus.Approved)
        {
            throw new FailedPreconditionException(
                $"bonus item {item.Code} of branch {item.BranchCode}",
                SeedNames.Of(item.Status),
                item.Status == BonusItemStatus.Proposed ? ["ApproveBonusItems"] : ["ProposeBonusItems"],
                "only approved bonus items can be registered");
        }

        if (item.BranchCode != member.BranchCode)
        {
            throw new InvalidArgumentException(prefix + "kind", $"{item.Code} is a bonus item of branch {item.BranchCode}; {member.StaffNumber} is in branch {member.BranchCode}");
        }

        if (fact.Points is not null)
        {
            throw new InvalidArgumentException(prefix + "points", $"must be empty: {item.Code} is worth {item.Points} per fact");
        }
    }
}
