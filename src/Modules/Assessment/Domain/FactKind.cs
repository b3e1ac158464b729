namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>
/// What a registered fact can be. <see cref="ItemCodes"/> are the items it scores on; of these, the one
/// that applies to the member's category (CONDUCT_SHORTFALL names both personal items). Bonus kinds
/// score on no item. <see cref="Points"/> is a magnitude: the rule says whether it is taken off or added.
/// </summary>
internal sealed record FactKind(string Kind, string Name, IReadOnlyList<string> ItemCodes, FactRule Rule, decimal? Points = null);
