using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>What every document asks first: that the year has been opened and the branch exists (NOT_FOUND naming the missing one).</summary>
internal sealed class YearDocuments(IWorkflowRecords workflow, IMembersModule members)
{
    public async Task<Year> YearAsync(int year, CancellationToken cancellationToken) =>
        await workflow.YearAsync(year, cancellationToken)
        ?? throw new NotFoundException("year", year.ToString(CultureInfo.InvariantCulture), "year");

    public async Task<BranchRecord> BranchAsync(string branchCode, CancellationToken cancellationToken) =>
        (await members.ListBranchesAsync(cancellationToken)).FirstOrDefault(b => b.Code == branchCode)
        ?? throw new NotFoundException("branch", branchCode, "branch_code");
}
