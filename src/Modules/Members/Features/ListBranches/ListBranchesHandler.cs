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

        var (rows, next) = await branches.OrderBy(b => b.Code).ReadPageAsync(page, b => b.Code, Fingerprint, cancellationToken);
        return new BranchPage(rows, next);
    }
}
