using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;

/// <summary>
/// The leadership group closes a phase for a branch or the whole college: every cycle in scope that may
/// take the step does, and the answer says, member by member, what moved and what did not and why.
/// Reading and moving share one write transaction, so no member's own step can slip in between and no
/// transition is lost or applied twice. Repeating it changes nothing. Closing the commitment phase then
/// records NO_COMMITMENT (through the Assessment module's contract, idempotently) for every cycle in
/// scope that moved without a commitment; a repeat records any that a failure left out, never twice.
/// </summary>
internal sealed class AdvancePhaseHandler(
    WorkflowDbContext db, CycleStore store, CycleRoster roster, IMembersModule members, IAssessmentModule assessment, CollegeClock clock)
{
    /// <summary>With <c>validateOnly</c>, a preview: the same plan and answer, nothing written (the transaction rolls back, no NO_COMMITMENT is recorded).</summary>
    public async Task<IReadOnlyList<AdvanceResult>> HandleAsync(
        int year, string branchCode, AdvanceTarget target, string actor, CancellationToken cancellationToken, bool validateOnly = false)
    {
        var violations = new Violations();
        var who = TextField.Optional(violations, "actor", actor, 64) ?? string.Empty;
        if (branchCode.Length > 0)
        {
            Identifier.Required(violations, "branch_code", branchCode);
        }

        violations.ThrowIfAny();
        var opened = await store.OpenYearAsync(year, cancellationToken);
        var scope = branchCode.Length > 0 ? branchCode : null;
        if (scope is not null && !await members.BranchExistsAsync(scope, cancellationToken))
        {
            throw new NotFoundException("branch", scope, "branch_code");
        }

        await roster.SyncAsync(opened, scope, cancellationToken);
        // One path for every close: early by hand, at the deadline by the schedule, or after a late opening.
        target = target.For(opened);
        var (results, missingCommitment) = await AdvanceAsync(opened, scope, target, who, validateOnly, cancellationToken);
        if (!validateOnly && target.Trigger == CycleTrigger.CloseCommitmentPhase && !target.WithoutPenalty && missingCommitment.Count > 0)
        {
            await RecordMissingCommitmentsAsync(opened, missingCommitment, who, cancellationToken);
        }

        return results;
    }

    private async Task<(IReadOnlyList<AdvanceResult> Results, List<string> MissingCommitment)> AdvanceAsync(
        WorkflowYear year, string? branchCode, AdvanceTarget target, string actor, bool validateOnly, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dbTransaction = transaction.GetDbTransaction();
        var rows = await CycleAdvanceSql.ReadAsync(db, dbTransaction, year.Year, branchCode, cancellationToken);
        var plan = AdvancePlan.Make(rows, target, actor, now, year.Calendar);
        if (validateOnly)
        {
            return (plan.Results, []);
        }

        foreach (var group in plan.Groups)
        {
            await CycleAdvanceSql.WriteAsync(db, dbTransaction, group, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var moved = plan.Groups.Where(g => g.After.CommitmentMissing).SelectMany(g => g.CycleIds).ToHashSet();
        var missing = rows.Where(r => r.Shape.CommitmentMissing || moved.Contains(r.Id)).Select(r => r.StaffNumber).ToList();
        return (plan.Results, missing);
    }

    /// <summary>
    /// A scheme fact lies in its own year (docs/domain.md §9): the deadline when the phase closes on or after it, the day
    /// of the close when it is closed early within the year, the year's first day when closed before the year began.
    /// </summary>
    public static DateOnly NoCommitmentDate(WorkflowYear year, DateOnly today)
    {
        if (today >= year.CommitmentDue)
        {
            return year.CommitmentDue;
        }

        var firstDay = new DateOnly(year.Year, 1, 1);
        return today < firstDay ? firstDay : today;
    }

    private async Task RecordMissingCommitmentsAsync(WorkflowYear year, List<string> staffNumbers, string actor, CancellationToken cancellationToken)
    {
        var occurredOn = NoCommitmentDate(year, clock.Today);
        var facts = staffNumbers.Select(staffNumber => new SystemFact(
            staffNumber, SchemeFactKinds.NoCommitment, occurredOn, "未进行承诺：截止时未提交公开承诺", actor.Length > 0 ? actor : "workflow", $"workflow/no-commitment/{year.Year}/{staffNumber}"))
            .ToList();
        var outcomes = await assessment.RecordSystemFactsAsync(facts, cancellationToken);
        var refused = outcomes.Where(o => o.Refusal is not null).ToList();
        if (refused.Count > 0)
        {
            throw new FailedPreconditionException(
                $"commitment phase of {year.Year}", "SELF_REPORT", [],
                $"the cycles moved, but NO_COMMITMENT could not be recorded for {refused.Count} of them (repeat the call once fixed): " +
                string.Join("; ", refused.Take(3).Select(r => r.Refusal)));
        }
    }
}
