using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Modules.Members.Roster;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Features.GetMember;

internal sealed class GetMemberHandler(MembersDbContext db)
{
    public Task<Member> HandleAsync(string staffNumber, CancellationToken cancellationToken)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db.GetAsync(staffNumber, "staff_number", cancellationToken);
    }
}
