namespace Chuangji.Workflow.Modules.Members.Domain;

/// <summary>A stretch of time a member belonged to a branch: from <see cref="FromDate"/> up to, not including, <see cref="UntilDate"/>.</summary>
internal sealed class BranchMembership
{
    private BranchMembership()
    {
    }

    public long Id { get; private set; }

    public long MemberId { get; private set; }

    public string BranchCode { get; private set; } = string.Empty;

    public DateOnly FromDate { get; private set; }

    public DateOnly? UntilDate { get; private set; }

    public string Note { get; private set; } = string.Empty;

    public static BranchMembership Start(string branchCode, DateOnly from, string note) =>
        new() { BranchCode = branchCode, FromDate = from, Note = note };

    public void End(DateOnly until) => UntilDate = until;
}
