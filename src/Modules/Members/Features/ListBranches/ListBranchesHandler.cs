using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Features.ListBranches;

internal sealed record BranchPage(IReadOnlyList<Branch> Branches, string NextPageToken);

internal sealed class ListBranchesHandler(MembersDbContext db)
{
    private const string Fingerprint = "branches";

    public async Task<BranchPage> HandleAsync(int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var page = PageRequest.Parse(pageSize, pageToken, Fingerprint);
        var branches = db.Branches.AsNoTracking();
        if (page.After is { } after)
        {
            branches = branches.Where(b => string.Compare(b.Code, after) > 0);
        }

        var rows = await branches.OrderBy(b => b.Code).Take(page.Size + 1).ToListAsync(cancellationToken);
        if (rows.Count <= page.Size)
        {
            return new BranchPage(rows, string.Empty);
        }

        rows.RemoveAt(rows.Count - 1);
        return new BranchPage(rows, PageRequest.NextToken(rows[^1].Code, Fingerprint));
    }
}
