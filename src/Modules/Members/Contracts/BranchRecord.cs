namespace Chuangji.Workflow.Modules.Members.Contracts;

public sealed record BranchRecord(string Code, string Name, string SecretaryName, string SecretaryStaffNumber);
