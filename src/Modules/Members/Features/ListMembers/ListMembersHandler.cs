using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Modules.Members.Roster;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Features.ListMembers;

internal sealed record ListMembersQuery(string BranchCode, int Category, int Status, int PageSize, string PageToken);

internal sealed record MemberPage(IReadOnlyList<Member> Members, string NextPageToken);

internal sealed class ListMembersHandler(MembersDbContext db)
{
    public async Task<MemberPage> HandleAsync(ListMembersQuery query, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        MemberCategory? category = query.Category == 0 ? null : MemberFieldRules.Category(violations, "category", query.Category);
        MemberStatus? status = query.Status == 0 ? null : MemberFieldRules.Status(violations, "status", query.Status);
        if (query.BranchCode.Length > 0 && !Identifier.IsWellFormed(query.BranchCode))
        {
            violations.Add("branch_code", Identifier.Rule);
        }

        violations.ThrowIfAny();
        var fingerprint = $"members|{query.BranchCode}|{category}|{status}";
        var page = PageRequest.Parse(query.PageSize, query.PageToken, fingerprint);

        var members = db.Members.AsNoTracking();
        if (query.BranchCode.Length > 0)
        {
            members = members.Where(m => m.BranchCode == query.BranchCode);
        }

        if (category is { } wantedCategory)
        {
            members = members.Where(m => m.Category == wantedCategory);
        }

        if (status is { } wantedStatus)
        {
            members = members.Where(m => m.Status == wantedStatus);
        }

        if (page.After is { } after)
        {
            members = members.Where(m => string.Compare(m.StaffNumber, after) > 0);
        }

        var (rows, next) = await members.OrderBy(m => m.StaffNumber)
            .Include(m => m.History)
            .AsSplitQuery()
            .ReadPageAsync(page, m => m.StaffNumber, fingerprint, cancellationToken);
        return new MemberPage(rows, next);
    }
}
