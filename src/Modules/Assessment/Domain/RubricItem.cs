namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>A line of the base part (基本项目), e.g. STUDY 带头学习提高 worth 16.</summary>
internal sealed record RubricItem(string Code, string Name, decimal MaxPoints, IReadOnlyList<MemberCategory> AppliesTo);
