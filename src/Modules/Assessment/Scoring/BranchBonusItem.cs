namespace Chuangji.Workflow.Modules.Assessment.Scoring;

/// <summary>A branch's own bonus item (加分项目), approved by the party committee, worth its points per counted fact.</summary>
internal sealed record BranchBonusItem(string Code, string Name, decimal Points);
