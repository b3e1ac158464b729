namespace Chuangji.Workflow.Modules.Workflow.Domain.Checks;

/// <summary>One member with something missing in a check's period.</summary>
internal sealed record MemberFinding(string StaffNumber, string Name, bool NoFacts, bool NoThoughtReport, IReadOnlyList<string> OverdueSelfReports);

/// <summary>A branch's counts for a check's period.</summary>
internal sealed record BranchTally(string BranchCode, int Members, int WithoutFacts, int WithoutThoughtReport, int OverdueSelfReports);

/// <summary>What a check report holds; kept as JSON beside the report's columns.</summary>
internal sealed record CheckFindings(IReadOnlyList<MemberFinding> Members, IReadOnlyList<BranchTally> Branches);
