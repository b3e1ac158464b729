namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>A line of the base part (基本项目), e.g. STUDY 带头学习提高 worth 16.</summary>
/// <remarks>
/// <see cref="Criteria"/> is 考评内容和评分标准 as the scoring table prints it; tables stored before it existed have none
/// (the documents then print the default table's words for an item of the same code and name).
/// </remarks>
internal sealed record RubricItem(string Code, string Name, decimal MaxPoints, IReadOnlyList<MemberCategory> AppliesTo, string Criteria = "");
