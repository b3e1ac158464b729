namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>The table a year is scored by; scorecards name the year and version they were scored with.</summary>
internal sealed record YearRubric(int Year, int Version, Rubric Rubric);
