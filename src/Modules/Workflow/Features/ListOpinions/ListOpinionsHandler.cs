using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Opinions;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.ListOpinions;

/// <summary>An opinion as the branch meeting reads it, with the member it is about.</summary>
internal sealed record ListedOpinion(Opinion Opinion, string StaffNumber);

internal sealed record OpinionPage(IReadOnlyList<ListedOpinion> Opinions, string NextPageToken);

/// <summary>
/// 评绩 as the branch meeting reads it: the opinions about one member, or about a branch's active members as the
/// roster has them now (a member transferred in brings theirs), oldest first. An anonymous opinion is answered
/// as it is stored: no author, its day and nothing finer.
/// </summary>
internal sealed class ListOpinionsHandler(WorkflowDbContext db, CycleStore store, IMembersModule members)
{
    private const string OneOfTheTwo = "give staff_number (one member's opinions) or branch_code (the branch's members'), one of the two";

    public async Task<OpinionPage> HandleAsync(int year, string staffNumber, string branchCode, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        if ((staffNumber.Length > 0) == (branchCode.Length > 0))
        {
            violations.Add("staff_number", OneOfTheTwo);
            violations.Add("branch_code", OneOfTheTwo);
        }
        else if (staffNumber.Length > 0)
        {
            Identifier.Required(violations, "staff_number", staffNumber);
        }
        else
        {
            Identifier.Required(violations, "branch_code", branchCode);
        }

        violations.ThrowIfAny();
        var fingerprint = $"opinions|{year}|{staffNumber}|{branchCode}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        await store.OpenYearAsync(year, cancellationToken);
        var cycles = db.Cycles.AsNoTracking().Where(c => c.Year == year);
        if (staffNumber.Length > 0)
        {
            if (await members.FindMemberAsync(staffNumber, cancellationToken) is null)
            {
                throw new NotFoundException("member", staffNumber, "staff_number");
            }

            cycles = cycles.Where(c => c.StaffNumber == staffNumber);
        }
        else
        {
            if (!await members.BranchExistsAsync(branchCode, cancellationToken))
            {
                throw new NotFoundException("branch", branchCode, "branch_code");
            }

            var branchMembers = (await members.ListMembersAsync(branchCode, activeOnly: true, cancellationToken)).Select(m => m.MemberId).ToList();
            cycles = cycles.Where(c => branchMembers.Contains(c.MemberId));
        }

        var opinions = db.Opinions.AsNoTracking();
        if (page.AfterId() is { } afterId)
        {
            opinions = opinions.Where(o => o.Id > afterId);
        }

        var (rows, next) = await opinions
            .Join(cycles, o => o.CycleId, c => c.Id, (o, c) => new { Opinion = o, c.StaffNumber })
            .OrderBy(r => r.Opinion.Id)
            .Select(r => new ListedOpinion(r.Opinion, r.StaffNumber))
            .ReadPageAsync(page, r => KeysetPage.IdKey(r.Opinion.Id), fingerprint, cancellationToken);
        return new OpinionPage(rows, next);
    }
}
