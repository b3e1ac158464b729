using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>The cycle's steps, each named for what it does, each asking the machine first.</summary>
internal static class CycleSteps
{
    public static void Commit(this Cycle cycle, string commitment, string actor, DateTimeOffset now) =>
        cycle.Fire(CycleTrigger.SubmitCommitment, actor, string.Empty, now, () =>
        {
            cycle.Commitment = commitment;
            cycle.CommittedAtUtcTicks = now.UtcTicks;
        });

    /// <summary>Closed without penalty when the deadline had passed before the year was opened (domain.md §9).</summary>
    private const string PassedBeforeOpening = "the deadline had passed when the year was opened: closed without penalty";

    public static void CloseCommitmentPhase(this Cycle cycle, string actor, DateTimeOffset now, bool withoutPenalty = false) =>
        cycle.Fire(
            CycleTrigger.CloseCommitmentPhase, actor, withoutPenalty ? PassedBeforeOpening : "no commitment by the deadline: NO_COMMITMENT recorded", now,
            () => cycle.CommitmentMissing = !withoutPenalty);

    public static void Declare(this Cycle cycle, HalfYear half, string content, string actor, DateTimeOffset now)
    {
        if (half == HalfYear.First)
        {
            cycle.Fire(CycleTrigger.SubmitFirstHalfDeclaration, actor, string.Empty, now, () =>
            {
                cycle.FirstHalfDeclaration = content;
                cycle.FirstHalfDeclaredAtUtcTicks = now.UtcTicks;
            });
            return;
        }

        cycle.Fire(CycleTrigger.SubmitSecondHalfDeclaration, actor, string.Empty, now, () =>
        {
            cycle.SecondHalfDeclaration = content;
            cycle.SecondHalfDeclaredAtUtcTicks = now.UtcTicks;
        });
    }

    public static void CloseFirstHalf(this Cycle cycle, string actor, DateTimeOffset now, bool withoutPenalty = false) =>
        cycle.Fire(
            CycleTrigger.CloseFirstHalf, actor, withoutPenalty ? PassedBeforeOpening : "no first-half declaration by the deadline", now,
            () => cycle.FirstHalfDeclarationMissing = !withoutPenalty);

    public static void CloseSelfReport(this Cycle cycle, string actor, DateTimeOffset now, bool withoutPenalty = false, bool firstHalfWithoutPenalty = false) =>
        cycle.Fire(CycleTrigger.CloseSelfReport, actor, withoutPenalty ? PassedBeforeOpening : "self-report closed; missing declarations marked", now, () =>
        {
            cycle.FirstHalfDeclarationMissing |= !firstHalfWithoutPenalty && cycle.FirstHalfDeclaredAtUtcTicks is null;
            cycle.SecondHalfDeclarationMissing |= !withoutPenalty && cycle.SecondHalfDeclaredAtUtcTicks is null;
        });

    /// <summary>Not logged as a transition: the log names who acted and when, which an anonymous opinion must not.</summary>
    public static void ReceiveOpinion(this Cycle cycle, DateTimeOffset now) =>
        cycle.Fire(CycleTrigger.SubmitOpinion, string.Empty, string.Empty, now, () => cycle.OpinionCount++, log: false);

    public static void CloseMassReview(this Cycle cycle, string actor, DateTimeOffset now) =>
        cycle.Fire(CycleTrigger.CloseMassReview, actor, string.Empty, now, () => cycle.PublicityStartedAtUtcTicks = now.UtcTicks);

    public static Objection RaiseObjection(this Cycle cycle, string content, string actor, DateTimeOffset now)
    {
        var objection = new Objection { Content = content, RaisedBy = actor, RaisedAtUtcTicks = now.UtcTicks, Status = ObjectionStatus.Open };
        cycle.Fire(CycleTrigger.RaiseObjection, actor, "objection raised", now, () => cycle.AddObjection(objection));
        return objection;
    }

    public static void ResolveObjection(this Cycle cycle, long objectionId, bool upheld, string resolution, IReadOnlyList<long> correctedFactIds, string actor, DateTimeOffset now)
    {
        var objection = cycle.Objections.SingleOrDefault(o => o.Id == objectionId)
            ?? throw new NotFoundException("objection", objectionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "objection_id");
        if (objection.Status != ObjectionStatus.Open)
        {
            throw new FailedPreconditionException($"objection {objection.Id}", objection.Status.ToString().ToUpperInvariant(), [], "it has been resolved already");
        }

        cycle.Fire(CycleTrigger.ResolveObjection, actor, upheld ? "objection upheld" : "objection dismissed", now, () =>
        {
            objection.Status = upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
            objection.Resolution = resolution;
            objection.CorrectedFactIds = string.Join(',', correctedFactIds);
            objection.ResolvedAtUtcTicks = now.UtcTicks;
            objection.ResolvedBy = actor;
        });
    }

    public static void EndPublicity(this Cycle cycle, string actor, DateTimeOffset now) =>
        cycle.Fire(CycleTrigger.EndPublicity, actor, string.Empty, now);

    public static void Determine(this Cycle cycle, DeterminationRecord determination, string actor, DateTimeOffset now) =>
        cycle.Fire(CycleTrigger.Determine, actor, $"rated {determination.Rating}", now, () => cycle.AddDetermination(determination));

    public static void ApplyOutcome(this Cycle cycle, string commendation, string helpPlan, string actor, DateTimeOffset now) =>
        cycle.Fire(CycleTrigger.ApplyOutcome, actor, string.Empty, now, () =>
        {
            cycle.Commendation = commendation;
            cycle.HelpPlan = helpPlan;
            cycle.OutcomeAppliedAtUtcTicks = now.UtcTicks;
            cycle.OutcomeAppliedBy = actor;
        });

    /// <summary>Back one phase: a determination is superseded (kept in the archive), publicity starts again.</summary>
    public static void Reopen(this Cycle cycle, string reason, string actor, DateTimeOffset now) =>
        cycle.Fire(CycleTrigger.Reopen, actor, reason, now, () =>
        {
            if (cycle.Status == CycleStatus.Determination)
            {
                cycle.PublicityStartedAtUtcTicks = now.UtcTicks;
                return;
            }

            if (cycle.CurrentDetermination is { } current)
            {
                current.SupersededAtUtcTicks = now.UtcTicks;
            }

            cycle.Commendation = string.Empty;
            cycle.HelpPlan = string.Empty;
            cycle.OutcomeAppliedAtUtcTicks = null;
            cycle.OutcomeAppliedBy = string.Empty;
        });
}
