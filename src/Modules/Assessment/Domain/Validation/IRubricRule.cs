namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation;

/// <summary>One thing a scoring table must get right; yields a sentence per breach, none when it holds.</summary>
internal interface IRubricRule
{
    IEnumerable<string> ProblemsIn(Rubric rubric);
}
