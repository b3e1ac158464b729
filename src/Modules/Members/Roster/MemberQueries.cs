using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Roster;

internal static class MemberQueries
{
    /// <summary>The member with its branch history, or NOT_FOUND naming <paramref name="field"/>.</summary>
    public static async Task<Member> GetAsync(this MembersDbContext db, string staffNumber, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(staffNumber))
        {
            throw new InvalidArgumentException(field, "is required");
        }

        return await db.Members.Include(m => m.History).SingleOrDefaultAsync(m => m.StaffNumber == staffNumber, cancellationToken)
            ?? throw new NotFoundException("member", staffNumber, field);
    }
}
