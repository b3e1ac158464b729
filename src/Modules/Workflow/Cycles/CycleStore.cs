using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Cycles;

/// <summary>Loads a year and a member's cycle for a step, and saves the step, or answers why it cannot.</summary>
internal sealed class CycleStore(WorkflowDbContext db, CycleRoster roster, IMembersModule members)
{
    public async Task<WorkflowYear> OpenYearAsync(int year, CancellationToken cancellationToken)
    {
        CalendarYear.EnsureInRange(year, "year");
        return await db.Years.SingleOrDefaultAsync(y => y.Year == year, cancellationToken)
            ?? throw new NotFoundException("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "year");
    }

    public async Task<Cycle> CycleAsync(int year, string staffNumber, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        Identifier.Required(violations, "staff_number", staffNumber);
        violations.ThrowIfAny();
        var openYear = await OpenYearAsync(year, cancellationToken);
        var cycle = await LoadAsync(openYear, staffNumber, cancellationToken);
        if (cycle is not null)
        {
            return cycle;
        }

        var member = await members.FindMemberAsync(staffNumber, cancellationToken) ?? throw new NotFoundException("member", staffNumber, "staff_number");
        await roster.SyncAsync(openYear, member.BranchCode, cancellationToken);
        return await LoadAsync(openYear, staffNumber, cancellationToken)
            ?? throw new FailedPreconditionException($"member {staffNumber}", StatusNames(member.Status), [], $"only active members have a cycle in {year}");
    }

    public Task SaveAsync(Cycle cycle, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(() => new ConcurrencyConflictException("cycle", $"{cycle.Year}/{cycle.StaffNumber}", null, null), cancellationToken);

    public static void EnsureVersion(Cycle cycle, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != cycle.Version)
        {
            throw new ConcurrencyConflictException("cycle", $"{cycle.Year}/{cycle.StaffNumber}", expected, cycle.Version);
        }
    }

    private async Task<Cycle?> LoadAsync(WorkflowYear year, string staffNumber, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles
            .Include(c => c.History)
            .Include(c => c.Objections)
            .Include(c => c.Determinations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Year == year.Year && c.StaffNumber == staffNumber, cancellationToken);
        if (cycle is not null)
        {
            cycle.AttachCalendar(year.Calendar);
        }

        return cycle;
    }

    private static string StatusNames(MemberStatusCode status) => status switch
    {
        MemberStatusCode.TransferredOut => "MEMBER_STATUS_TRANSFERRED_OUT",
        MemberStatusCode.Deceased => "MEMBER_STATUS_DECEASED",
        _ => "MEMBER_STATUS_ACTIVE",
    };
}
