namespace Chuangji.Workflow.Modules.Members.Contracts;

/// <summary>How an import went; each rejection reads "staff number: reason".</summary>
public sealed record RosterImportSummary(int Created, int Unchanged, IReadOnlyList<string> Rejections);
