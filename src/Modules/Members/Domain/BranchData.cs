namespace Chuangji.Workflow.Modules.Members.Domain;

/// <summary>A branch's data once validated.</summary>
internal sealed record BranchData(string Code, string Name, string SecretaryName, string SecretaryStaffNumber);
