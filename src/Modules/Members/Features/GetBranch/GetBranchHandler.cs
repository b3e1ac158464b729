using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Features.GetBranch;

internal sealed class GetBranchHandler(MembersDbContext db)
{
    public async Task<Branch> HandleAsync(string code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code))
        {
            throw new InvalidArgumentException("code", "is required");
        }

        return await db.Branches.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, cancellationToken)
            ?? throw new NotFoundException("branch", code, "code");
    }
}
