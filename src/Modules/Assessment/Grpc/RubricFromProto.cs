using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Proto = Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Grpc;

/// <summary>A table sent by a caller, read field by field; every unreadable field is named at once.</summary>
internal static class RubricFromProto
{
    /// <summary>Far above any sensible value, far below what decimal arithmetic could overflow on.</summary>
    private const decimal MaxNumber = 1000m;

    public const int MaxNameLength = 100;

    public const int MaxDescriptionLength = 500;

    public const int MaxEntries = 200;

    public static Rubric Read(Proto.Rubric? proto)
    {
        var violations = new Violations();
        if (proto is null)
        {
            violations.Add("rubric", "is required");
            violations.ThrowIfAny();
        }

        CheckTexts(violations, proto!);
        var rubric = new Rubric(
            proto!.Name,
            proto.Items.Select((item, i) => new RubricItem(
                item.Code,
                item.Name,
                Decimal(violations, $"rubric.items[{i}].max_points", item.MaxPoints) ?? 0m,
                item.AppliesTo.Select((c, j) => Enum<MemberCategory>(violations, $"rubric.items[{i}].applies_to[{j}]", (int)c)).ToList())).ToList(),
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
                Decimal(violations, $"rubric.rating_bands[{i}].min_total", band.MinTotal) ?? 0m)).ToList());
        violations.ThrowIfAny();
        return rubric;
    }

    /// <summary>
    /// The table is stored as sent, so every text in it is bounded first: codes are identifiers (they become fact
    /// kinds, which facts and bonus items share), names and descriptions are short, and no list is longer than a
    /// table needs.
    /// </summary>
    private static void CheckTexts(Violations violations, Proto.Rubric proto)
    {
        TextField.Optional(violations, "rubric.name", proto.Name, MaxNameLength);
        Entries(violations, "rubric.items", proto.Items, (field, item) =>
        {
            Identifier.Required(violations, field + ".code", item.Code);
            TextField.Optional(violations, field + ".name", item.Name, MaxNameLength);
            Entries(violations, field + ".applies_to", item.AppliesTo, (_, _) => { });
        });
        Entries(violations, "rubric.fact_kinds", proto.FactKinds, (field, kind) =>
        {
            Identifier.Required(violations, field + ".kind", kind.Kind);
            TextField.Optional(violations, field + ".name", kind.Name, MaxNameLength);
            Entries(violations, field + ".item_codes", kind.ItemCodes, (code, value) => Identifier.Required(violations, code, value));
        });
        Entries(violations, "rubric.derived_rules", proto.DerivedRules, (field, rule) =>
        {
            Identifier.Required(violations, field + ".code", rule.Code);
            TextField.Optional(violations, field + ".description", rule.Description, MaxDescriptionLength);
            Identifier.Required(violations, field + ".item_code", rule.ItemCode);
            Entries(violations, field + ".requirements", rule.Requirements, (requirement, value) => Identifier.Required(violations, requirement + ".kind", value.Kind));
        });
        Entries(violations, "rubric.rating_bands", proto.RatingBands, (field, band) =>
        {
            Identifier.Required(violations, field + ".rating", band.Rating);
            TextField.Optional(violations, field + ".name", band.Name, MaxNameLength);
        });
    }

    /// <summary>Checks each entry of a list, named by its index, once the list is within <see cref="MaxEntries"/>.</summary>
    private static void Entries<T>(Violations violations, string field, IReadOnlyList<T> entries, Action<string, T> check)
    {
        if (entries.Count > MaxEntries)
        {
            violations.Add(field, $"must hold at most {MaxEntries} entries, not {entries.Count}");
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            check($"{field}[{i}]", entries[i]);
        }
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
