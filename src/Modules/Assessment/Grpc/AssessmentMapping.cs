using Chuangji.Workflow.Modules.Assessment.Domain;
using Proto = Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Grpc;

/// <summary>The module's scoring table onto the contract; nothing else.</summary>
internal static class AssessmentMapping
{
    public static Proto.Rubric ToProto(this YearRubric yearRubric)
    {
        var rubric = yearRubric.Rubric;
        var proto = new Proto.Rubric { Year = yearRubric.Year, Version = yearRubric.Version, Name = rubric.Name, BonusCriteria = rubric.BonusCriteria };
        proto.Items.AddRange(rubric.Items.Select(ToProto));
        proto.FactKinds.AddRange(rubric.FactKinds.Select(ToProto));
        proto.DerivedRules.AddRange(rubric.DerivedRules.Select(ToProto));
        proto.RatingBands.AddRange(rubric.RatingBands.Select(band => new Proto.RatingBand
        {
            Rating = band.Rating,
            Name = band.Name,
            MinTotal = DecimalText.Format(band.MinTotal),
        }));
        return proto;
    }

    private static Proto.RubricItem ToProto(RubricItem item)
    {
        var proto = new Proto.RubricItem { Code = item.Code, Name = item.Name, MaxPoints = DecimalText.Format(item.MaxPoints), Criteria = item.Criteria };
        proto.AppliesTo.AddRange(item.AppliesTo.Select(ToProto));
        return proto;
    }

    private static Proto.FactKind ToProto(FactKind kind)
    {
        var proto = new Proto.FactKind { Kind = kind.Kind, Name = kind.Name, Rule = ToProto(kind.Rule), Points = DecimalText.Format(kind.Points) };
        proto.ItemCodes.AddRange(kind.ItemCodes);
        return proto;
    }

    private static Proto.DerivedRule ToProto(DerivedRule rule)
    {
        var proto = new Proto.DerivedRule
        {
            Code = rule.Code,
            Description = rule.Description,
            ItemCode = rule.ItemCode,
            Window = ToProto(rule.Window),
            Mode = ToProto(rule.Mode),
            Points = DecimalText.Format(rule.Points),
        };
        proto.Requirements.AddRange(rule.Requirements.Select(requirement => new Proto.DerivedRequirement
        {
            Kind = requirement.Kind,
            AtLeast = requirement.AtLeast,
        }));
        return proto;
    }

    private static Proto.MemberCategory ToProto(MemberCategory category) => category switch
    {
        MemberCategory.InService => Proto.MemberCategory.InService,
        MemberCategory.Retired => Proto.MemberCategory.Retired,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    private static Proto.FactRule ToProto(FactRule rule) => rule switch
    {
        FactRule.PerCount => Proto.FactRule.PerCount,
        FactRule.OnceAYear => Proto.FactRule.OnceAYear,
        FactRule.Discretionary => Proto.FactRule.Discretionary,
        FactRule.Positive => Proto.FactRule.Positive,
        FactRule.Veto => Proto.FactRule.Veto,
        FactRule.Bonus => Proto.FactRule.Bonus,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    private static Proto.DerivedWindow ToProto(DerivedWindow window) => window switch
    {
        DerivedWindow.HalfYear => Proto.DerivedWindow.HalfYear,
        DerivedWindow.Year => Proto.DerivedWindow.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    private static Proto.DerivedMode ToProto(DerivedMode mode) => mode switch
    {
        DerivedMode.PerWindow => Proto.DerivedMode.PerWindow,
        DerivedMode.PerMissing => Proto.DerivedMode.PerMissing,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
