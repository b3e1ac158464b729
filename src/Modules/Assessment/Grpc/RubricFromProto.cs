using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation;
using Proto = Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Grpc;

/// <summary>A table sent by a caller, read field by field; every unreadable field is named at once.</summary>
internal static class RubricFromProto
{
    /// <summary>Far above any sensible value, far below what decimal arithmetic could overflow on.</summary>
    private const decimal MaxNumber = 1000m;

    public static Rubric Read(Proto.Rubric? proto)
    {
        var violations = new Violations();
        if (proto is null)
        {
            violations.Add("rubric", "is required");
            violations.ThrowIfAny();
        }

        var rubric = new Rubric(
            proto!.Name,
            proto.Items.Select((item, i) => new RubricItem(
                item.Code,
                item.Name,
                Decimal(violations, $"rubric.items[{i}].max_points", item.MaxPoints) ?? 0m,
                item.AppliesTo.Select((c, j) => Enum<MemberCategory>(violations, $"rubric.items[{i}].applies_to[{j}]", (int)c)).ToList(),
                item.Criteria.Trim())).ToList(),
            proto.FactKinds.Select((kind, i) => new FactKind(
                kind.Kind,
                kind.Name,
                kind.ItemCodes.ToList(),
                Enum<FactRule>(violations, $"rubric.fact_kinds[{i}].rule", (int)kind.Rule),
                kind.Points.Length == 0 ? null : Decimal(violations, $"rubric.fact_kinds[{i}].points", kind.Points))).ToList(),
            proto.DerivedRules.Select((rule, i) => new DerivedRule(
                rule.Code,
                rule.Description,
                rule.ItemCode,
                Enum<DerivedWindow>(violations, $"rubric.derived_rules[{i}].window", (int)rule.Window),
                Enum<DerivedMode>(violations, $"rubric.derived_rules[{i}].mode", (int)rule.Mode),
                rule.Requirements.Select((r, j) => new DerivedRequirement(r.Kind, AtLeast(violations, $"rubric.derived_rules[{i}].requirements[{j}].at_least", r.AtLeast))).ToList(),
                Decimal(violations, $"rubric.derived_rules[{i}].points", rule.Points) ?? 0m)).ToList(),
            proto.RatingBands.Select((band, i) => new RatingBand(
                band.Rating,
                band.Name,
                Decimal(violations, $"rubric.rating_bands[{i}].min_total", band.MinTotal) ?? 0m)).ToList(),
            proto.BonusCriteria.Trim());
        // The texts' bounds (a rule among RubricRules) are named first, then whatever could not be read.
        var all = RubricRules.Texts.ViolationsIn(rubric).Concat(violations.Items).ToList();
        if (all.Count > 0)
        {
            throw new InvalidArgumentException(all);
        }

        return rubric;
    }

    private static decimal? Decimal(Violations violations, string field, string text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            violations.Add(field, $"'{Echo.Of(text)}' is not a decimal number such as 16 or 0.5");
            return null;
        }

        if (value > MaxNumber)
        {
            violations.Add(field, $"must be at most {MaxNumber}");
            return null;
        }

        return value;
    }

    private static int AtLeast(Violations violations, string field, int value)
    {
        if (value is < 1 or > 1000)
        {
            violations.Add(field, "must be from 1 to 1000");
        }

        return value;
    }

    private static T Enum<T>(Violations violations, string field, int value)
        where T : struct, Enum
    {
        if (System.Enum.IsDefined(typeof(T), value))
        {
            return (T)(object)value;
        }

        violations.Add(field, value == 0 ? "is required" : $"has no value {value}");
        return default;
    }
}
