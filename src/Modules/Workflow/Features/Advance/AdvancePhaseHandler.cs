using Chuangji.Workflow.Assessment.Contracts;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Members.Contracts;
using Chuangji.Workflow.Workflow.Cycles;
using Chuangji.Workflow.Workflow.Domain.Cycles;
using Chuangji.Workflow.Workflow.Domain.Years;
using Chuangji.Workflow.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Workflow.Features.Advance;

/// <summary>
/// The leadership group closes a phase for a branch or the whole college: every cycle in scope that may
/// take the step does, and the answer says, member by member, what moved and what did not and why.
/// Repeating it changes nothing. Closing the commitment phase records NO_COMMITMENT (through the
/// Assessment module's contract, idempotently) before any cycle moves, so a retry after a failure
/// records nothing twice.
/// </summary>
internal sealed class AdvancePhaseHandler(
    WorkflowDbContext db, CycleStore store, CycleRoster roster, IMembersModule members, IAssessmentModule assessment, CollegeClock clock)
{
    private const int MaxAttempts = 3;

    public async Task<IReadOnlyList<AdvanceResult>> HandleAsync(int year, string branchCode, AdvanceTarget target, string actor, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var who = TextField.Optional(violations, "actor", actor, 64) ?? string.Empty;
        if (branchCode.Length > 0)
        {
            Identifier.Required(violations, "branch_code", branchCode);
        }

        violations.ThrowIfAny();
        var opened = await store.OpenYearAsync(year, cancellationToken);
        if (branchCode.Length > 0 && !await members.BranchExistsAsync(branchCode, cancellationToken))
        {
            throw new NotFoundException("branch", branchCode, "branch_code");
        }

        await roster.SyncAsync(opened, branchCode.Length > 0 ? branchCode : null, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AdvanceOnceAsync(opened, branchCode, target, who, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // A member acted on their own cycle meanwhile: judge every cycle again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IReadOnlyList<AdvanceResult>> AdvanceOnceAsync(WorkflowYear year, string branchCode, AdvanceTarget target, string actor, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var scope = db.Cycles.Where(c => c.Year == year.Year);
        if (branchCode.Length > 0)
        {
            scope = scope.Where(c => c.BranchCode == branchCode);
        }

        var cycles = await scope.Include(c => c.Objections).OrderBy(c => c.StaffNumber).ToListAsync(cancellationToken);
        var results = new List<AdvanceResult>(cycles.Count);
        var moving = new List<Cycle>();
        foreach (var cycle in cycles)
        {
            if (target.Reached(cycle.Status))
            {
                results.Add(new AdvanceResult(cycle.StaffNumber, false, $"already in {CycleActions.StateName(cycle.Status)}", cycle.Status));
            }
            else if (!cycle.Permits(target.Trigger, now, out var reason))
            {
                results.Add(new AdvanceResult(cycle.StaffNumber, false, $"in {CycleActions.StateName(cycle.Status)}: {reason}", cycle.Status));
            }
            else
            {
                moving.Add(cycle);
                results.Add(new AdvanceResult(cycle.StaffNumber, true, string.Empty, cycle.Status));
            }
        }

        if (target.Trigger == CycleTrigger.CloseCommitmentPhase && moving.Count > 0)
        {
            await RecordMissingCommitmentsAsync(year, moving, actor, cancellationToken);
        }

        foreach (var cycle in moving)
        {
            target.Step(cycle, actor, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var moved = moving.ToDictionary(c => c.StaffNumber, c => c.Status);
        return results.Select(r => r.Moved ? r with { Status = moved[r.StaffNumber] } : r).ToList();
    }

    private async Task RecordMissingCommitmentsAsync(WorkflowYear year, List<Cycle> cycles, string actor, CancellationToken cancellationToken)
    {
        var occurredOn = year.CommitmentDue < clock.Today ? year.CommitmentDue : clock.Today;
        var facts = cycles.Select(c => new SystemFact(
            c.StaffNumber, "NO_COMMITMENT", occurredOn, "未进行承诺: no commitment by the deadline", actor.Length > 0 ? actor : "workflow", $"workflow/no-commitment/{year.Year}/{c.StaffNumber}"))
            .ToList();
        var outcomes = await assessment.RecordSystemFactsAsync(facts, cancellationToken);
        var refused = outcomes.Where(o => o.Refusal is not null).ToList();
        if (refused.Count > 0)
        {
            throw new FailedPreconditionException(
                $"commitment phase of {year.Year}", "COMMITMENT", [], $"NO_COMMITMENT could not be recorded: {string.Join("; ", refused.Take(3).Select(r => r.Refusal))}");
        }
    }
}
