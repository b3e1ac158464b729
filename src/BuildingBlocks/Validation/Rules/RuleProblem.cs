namespace Chuangji.Workflow.BuildingBlocks.Validation.Rules;

/// <summary>A breach of <see cref="Rule"/> (the rule's class name), described so the author can fix it.</summary>
public sealed record RuleProblem(string Rule, string Description)
{
    public override string ToString() => $"{Rule}: {Description}";
}
