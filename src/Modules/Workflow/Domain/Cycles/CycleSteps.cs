using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>
/// The cycle's steps, each named for what it does, each asking the machine first. They are the only writers of
/// the cycle's fields (the setters are private): nothing outside the cycle can move it past its machine.
/// </summary>
internal sealed partial class Cycle
{
    public void Commit(string commitment, string actor, DateTimeOffset now) =>
        Fire(CycleTrigger.SubmitCommitment, actor, string.Empty, now, () =>
        {
            Commitment = commitment;
            CommittedAtUtcTicks = now.UtcTicks;
        });

    /// <summary>Closed without penalty when the deadline had passed before the year was opened (docs/domain.md §9).</summary>
    private const string PassedBeforeOpening = "the deadline had passed when the year was opened: closed without penalty";

    public void CloseCommitmentPhase(string actor, DateTimeOffset now, bool withoutPenalty = false) =>
        Fire(
            CycleTrigger.CloseCommitmentPhase, actor, withoutPenalty ? PassedBeforeOpening : "no commitment by the deadline: NO_COMMITMENT recorded", now,
            () => CommitmentMissing = !withoutPenalty);

    public void Declare(HalfYear half, string content, string actor, DateTimeOffset now)
    {
        if (half == HalfYear.First)
        {
            Fire(CycleTrigger.SubmitFirstHalfDeclaration, actor, string.Empty, now, () =>
            {
                FirstHalfDeclaration = content;
                FirstHalfDeclaredAtUtcTicks = now.UtcTicks;
            });
            return;
        }

        Fire(CycleTrigger.SubmitSecondHalfDeclaration, actor, string.Empty, now, () =>
        {
            SecondHalfDeclaration = content;
            SecondHalfDeclaredAtUtcTicks = now.UtcTicks;
        });
    }

    public void CloseFirstHalf(string actor, DateTimeOffset now, bool withoutPenalty = false) =>
        Fire(
            CycleTrigger.CloseFirstHalf, actor, withoutPenalty ? PassedBeforeOpening : "no first-half declaration by the deadline", now,
            () => FirstHalfDeclarationMissing = !withoutPenalty);

    public void CloseSelfReport(string actor, DateTimeOffset now, bool withoutPenalty = false, bool firstHalfWithoutPenalty = false) =>
        Fire(CycleTrigger.CloseSelfReport, actor, withoutPenalty ? PassedBeforeOpening : "self-report closed; missing declarations marked", now, () =>
        {
            FirstHalfDeclarationMissing |= !firstHalfWithoutPenalty && FirstHalfDeclaredAtUtcTicks is null;
            SecondHalfDeclarationMissing |= !withoutPenalty && SecondHalfDeclaredAtUtcTicks is null;
        });

    /// <summary>Not logged as a transition: the log names who acted and when, which an anonymous opinion must not.</summary>
    public void ReceiveOpinion(DateTimeOffset now) =>
        Fire(CycleTrigger.SubmitOpinion, string.Empty, string.Empty, now, () => OpinionCount++, log: false);

    public void CloseMassReview(string actor, DateTimeOffset now) =>
        Fire(CycleTrigger.CloseMassReview, actor, string.Empty, now, () => PublicityStartedAtUtcTicks = now.UtcTicks);

    public Objection RaiseObjection(string content, string actor, DateTimeOffset now)
    {
        var objection = new Objection { Content = content, RaisedBy = actor, RaisedAtUtcTicks = now.UtcTicks, Status = ObjectionStatus.Open };
        Fire(CycleTrigger.RaiseObjection, actor, "objection raised", now, () => _objections.Add(objection));
        return objection;
    }

    public void ResolveObjection(long objectionId, bool upheld, string resolution, IReadOnlyList<long> correctedFactIds, string actor, DateTimeOffset now)
    {
        var objection = Objections.SingleOrDefault(o => o.Id == objectionId)
            ?? throw new NotFoundException("objection", objectionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "objection_id");
        if (objection.Status != ObjectionStatus.Open)
        {
            throw new FailedPreconditionException($"objection {objection.Id}", objection.Status.ToString().ToUpperInvariant(), [], "it has been resolved already");
        }

        Fire(
            CycleTrigger.ResolveObjection, actor, upheld ? "objection upheld" : "objection dismissed", now,
            () => objection.Resolve(upheld, resolution, correctedFactIds, actor, now));
    }

    public void EndPublicity(string actor, DateTimeOffset now) =>
        Fire(CycleTrigger.EndPublicity, actor, string.Empty, now);

    public void Determine(DeterminationRecord determination, string actor, DateTimeOffset now) =>
        Fire(CycleTrigger.Determine, actor, $"rated {determination.Rating}", now, () => _determinations.Add(determination));

    public void ApplyOutcome(string commendation, string helpPlan, string actor, DateTimeOffset now) =>
        Fire(CycleTrigger.ApplyOutcome, actor, string.Empty, now, () =>
        {
            Commendation = commendation;
            HelpPlan = helpPlan;
            OutcomeAppliedAtUtcTicks = now.UtcTicks;
            OutcomeAppliedBy = actor;
        });

    /// <summary>Back one phase: a determination is superseded (kept in the archive), publicity starts again.</summary>
    public void Reopen(string reason, string actor, DateTimeOffset now) =>
        Fire(CycleTrigger.Reopen, actor, reason, now, () =>
        {
            if (Status == CycleStatus.Determination)
            {
                PublicityStartedAtUtcTicks = now.UtcTicks;
                return;
            }

            if (CurrentDetermination is { } current)
            {
                current.Supersede(now);
            }

            Commendation = string.Empty;
            HelpPlan = string.Empty;
            OutcomeAppliedAtUtcTicks = null;
            OutcomeAppliedBy = string.Empty;
        });
}
