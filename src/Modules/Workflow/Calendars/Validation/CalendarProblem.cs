namespace Chuangji.Workflow.Modules.Workflow.Calendars.Validation;

/// <summary>A breach of <see cref="Rule"/> (the rule's class name), described so the seed's author can fix it.</summary>
internal sealed record CalendarProblem(string Rule, string Description)
{
    public override string ToString() => $"{Rule}: {Description}";
}
