using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Features.ListEvents;

internal sealed record ListFactsQuery(int Year, string StaffNumber, string Kind, bool IncludeRevoked, int PageSize, string PageToken, string BranchCode);

internal sealed record FactPage(IReadOnlyList<Fact> Facts, string NextPageToken);

/// <summary>
/// A year's facts (the RPC keeps the v1 name ListEvents; ADR 13), oldest registration first: of one member,
/// or of a branch's active members (as the roster has them now), or all.
/// </summary>
internal sealed class ListEventsHandler(AssessmentDbContext db, IMembersModule members)
{
    public async Task<FactPage> HandleAsync(ListFactsQuery query, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(query.Year, "year");
        if (query.StaffNumber.Length > 0 && !Identifier.IsWellFormed(query.StaffNumber))
        {
            throw new InvalidArgumentException("staff_number", Identifier.Rule);
        }

        if (query.BranchCode.Length > 0 && !Identifier.IsWellFormed(query.BranchCode))
        {
            throw new InvalidArgumentException("branch_code", Identifier.Rule);
        }

        if (query.Kind.Length > 0 && !Identifier.IsWellFormed(query.Kind))
        {
            throw new InvalidArgumentException("kind", Identifier.Rule);
        }

        // The branch only when given: tokens of pages without one stay valid.
        var fingerprint = $"facts|{query.Year}|{query.StaffNumber}|{query.Kind}|{query.IncludeRevoked}" + (query.BranchCode.Length > 0 ? $"|{query.BranchCode}" : string.Empty);
        var page = PageRequest.Parse(query.PageSize, query.PageToken, fingerprint);
        var facts = db.Facts.AsNoTracking().Where(f => f.Year == query.Year);
        if (query.StaffNumber.Length > 0)
        {
            facts = facts.Where(f => f.StaffNumber == query.StaffNumber);
        }

        if (query.BranchCode.Length > 0)
        {
            if (!await members.BranchExistsAsync(query.BranchCode, cancellationToken))
            {
                throw new NotFoundException("branch", query.BranchCode, "branch_code");
            }

            var branchMembers = (await members.ListMembersAsync(query.BranchCode, activeOnly: true, cancellationToken)).Select(m => m.MemberId).ToList();
            facts = facts.Where(f => branchMembers.Contains(f.MemberId));
        }

        if (query.Kind.Length > 0)
        {
            facts = facts.Where(f => f.Kind == query.Kind);
        }

        if (!query.IncludeRevoked)
        {
            facts = facts.Where(f => f.RevokedAtUtcTicks == null);
        }

        if (page.AfterId() is { } afterId)
        {
            facts = facts.Where(f => f.Id > afterId);
        }

        var (rows, next) = await facts.OrderBy(f => f.Id).ReadPageAsync(page, f => KeysetPage.IdKey(f.Id), fingerprint, cancellationToken);
        return new FactPage(rows, next);
    }
}
