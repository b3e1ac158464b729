using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

/// <summary>
/// The table is stored as sent, so every text in it is bounded: codes are identifiers (they become fact kinds,
/// which facts and bonus items share), names and descriptions are short, and no list is longer than a table needs.
/// Each breach names its field (<c>rubric.items[0].code</c>).
/// </summary>
internal sealed class TextsAreBoundedRule : IFieldRule<Rubric>
{
    public const int MaxNameLength = 100;

    public const int MaxDescriptionLength = 500;

    public const int MaxEntries = 200;

    /// <summary>考评内容和评分标准: the source's longest item is some 300 characters.</summary>
    public const int MaxCriteriaLength = 2000;

    public IReadOnlyList<FieldViolation> ViolationsIn(Rubric rubric)
    {
        var violations = new Violations();
        TextField.Optional(violations, "rubric.name", rubric.Name, MaxNameLength);
        TextField.Optional(violations, "rubric.bonus_criteria", rubric.BonusCriteria, MaxCriteriaLength);
        Entries(violations, "rubric.items", rubric.Items, (field, item) =>
        {
            Identifier.Required(violations, field + ".code", item.Code);
            TextField.Optional(violations, field + ".name", item.Name, MaxNameLength);
            TextField.Optional(violations, field + ".criteria", item.Criteria, MaxCriteriaLength);
            Entries(violations, field + ".applies_to", item.AppliesTo, (_, _) => { });
        });
        Entries(violations, "rubric.fact_kinds", rubric.FactKinds, (field, kind) =>
        {
            Identifier.Required(violations, field + ".kind", kind.Kind);
            TextField.Optional(violations, field + ".name", kind.Name, MaxNameLength);
            Entries(violations, field + ".item_codes", kind.ItemCodes, (code, value) => Identifier.Required(violations, code, value));
        });
        Entries(violations, "rubric.derived_rules", rubric.DerivedRules, (field, rule) =>
        {
            Identifier.Required(violations, field + ".code", rule.Code);
            TextField.Optional(violations, field + ".description", rule.Description, MaxDescriptionLength);
            Identifier.Required(violations, field + ".item_code", rule.ItemCode);
            Entries(violations, field + ".requirements", rule.Requirements, (requirement, value) => Identifier.Required(violations, requirement + ".kind", value.Kind));
        });
        Entries(violations, "rubric.rating_bands", rubric.RatingBands, (field, band) =>
        {
            Identifier.Required(violations, field + ".rating", band.Rating);
            TextField.Optional(violations, field + ".name", band.Name, MaxNameLength);
        });
        return violations.Items;
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
}
