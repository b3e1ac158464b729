using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>What every document asks first: that the year has been opened and the branch exists (NOT_FOUND naming the missing one).</summary>
internal sealed class YearDocuments(IWorkflowRecords workflow, IMembersModule members)
{
    /// <summary>The year as GetYear answers it (its calendar, phase counts, phases closed without penalty).</summary>
    public async Task<Year> YearAsync(int year, CancellationToken cancellationToken) =>
        await workflow.YearAsync(year, cancellationToken) ?? throw YearNotFound(year);

    /// <summary>
    /// Refuses a year not opened, without the phase counts and roster sync of GetYear, for the documents that need
    /// nothing more of the year (the dossier, which prints the phases closed without penalty, reads it whole).
    /// </summary>
    public async Task RequireOpenedAsync(int year, CancellationToken cancellationToken)
    {
        if (!await workflow.YearOpenedAsync(year, cancellationToken))
        {
            throw YearNotFound(year);
        }
    }

    private static NotFoundException YearNotFound(int year) => new("year", year.ToString(CultureInfo.InvariantCulture), "year");

    public async Task<BranchRecord> BranchAsync(string branchCode, CancellationToken cancellationToken) =>
        (await members.ListBranchesAsync(cancellationToken)).FirstOrDefault(b => b.Code == branchCode)
        ?? throw new NotFoundException("branch", branchCode, "branch_code");
}
