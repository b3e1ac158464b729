using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Calendars;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Years;
using Google.Protobuf.WellKnownTypes;
using Proto = Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

/// <summary>Cycles and years onto the contract.</summary>
internal static class CycleMapping
{
    public static Proto.Cycle ToProto(this Cycle cycle, DateTimeOffset now, bool withHistory = true, bool withPermittedActions = true)
    {
        var (state, subState) = StateOf(cycle.Status);
        var proto = new Proto.Cycle
        {
            Year = cycle.Year,
            StaffNumber = cycle.StaffNumber,
            BranchCode = cycle.BranchCode,
            State = state,
            SubState = subState,
            CommitmentMissing = cycle.CommitmentMissing,
            FirstHalfDeclarationMissing = cycle.FirstHalfDeclarationMissing,
            SecondHalfDeclarationMissing = cycle.SecondHalfDeclarationMissing,
            Commitment = cycle.Commitment,
            CommittedAt = Time(cycle.CommittedAtUtcTicks),
            OpinionCount = cycle.OpinionCount,
            PublicityEndsAt = cycle.PublicityEndsAt is { } ends ? Timestamp.FromDateTimeOffset(ends) : null,
            Version = cycle.Version,
        };
        if (withPermittedActions)
        {
            proto.PermittedActions.AddRange(cycle.PermittedActions(now));
        }
        if (cycle.Calendar is { } calendar)
        {
            proto.Deadlines = new Proto.CycleDeadlines
            {
                CommitmentDue = IsoDate.Format(calendar.CommitmentDue),
                FirstHalfReportDue = IsoDate.Format(calendar.FirstHalfReportDue),
                SecondHalfReportDue = IsoDate.Format(calendar.SecondHalfReportDue),
                TimeZone = calendar.TimeZone,
            };
        }

        if (cycle.FirstHalfDeclaredAtUtcTicks is { } first)
        {
            proto.Declarations.Add(new Proto.Declaration { Half = Proto.HalfYear.First, Content = cycle.FirstHalfDeclaration, SubmittedAt = Time(first) });
        }

        if (cycle.SecondHalfDeclaredAtUtcTicks is { } second)
        {
            proto.Declarations.Add(new Proto.Declaration { Half = Proto.HalfYear.Second, Content = cycle.SecondHalfDeclaration, SubmittedAt = Time(second) });
        }

        proto.Objections.AddRange(cycle.Objections.OrderBy(o => o.Id).Select(ToProto));
        if (cycle.CurrentDetermination is { } determination)
        {
            proto.Determination = ToProto(determination, cycle.History);
        }

        if (cycle.OutcomeAppliedAtUtcTicks is { } applied)
        {
            proto.Outcome = new Proto.Outcome { Commendation = cycle.Commendation, HelpPlan = cycle.HelpPlan, AppliedAt = Time(applied), AppliedBy = cycle.OutcomeAppliedBy };
        }

        if (withHistory)
        {
            proto.History.AddRange(cycle.History.OrderBy(t => t.Id).Select(ToProto));
            proto.Determinations.AddRange(cycle.Determinations.OrderByDescending(d => d.Id).Select(d => ToProto(d, cycle.History)));
        }

        return proto;
    }

    public static Proto.Year ToProto(this YearView view)
    {
        var proto = new Proto.Year
        {
            Year_ = view.Year.Year,
            Calendar = view.Year.Calendar.ToProto(),
            OpenedAt = Time(view.Year.OpenedAtUtcTicks),
            OpenedBy = view.Year.OpenedBy,
        };
        proto.Cycles.AddRange(view.CyclesByStatus
            .GroupBy(c => StateOf(c.Key).State)
            .OrderBy(g => g.Key)
            .Select(g => new Proto.StateCount { State = g.Key, Cycles = g.Sum(c => c.Value) }));
        proto.ScheduleFailures.AddRange(view.ScheduleFailures.Select(ToProto));
        proto.ClosedWithoutPenalty.AddRange(view.ClosedWithoutPenalty.Select(target =>
        {
            var (state, subState) = StateOf(target.Status);
            return new Proto.PhaseClosedWithoutPenalty
            {
                Deadline = DeadlineField(target.Trigger),
                DueOn = IsoDate.Format(target.DeadlineIn(view.Year)),
                ClosedTo = state,
                ClosedToSubState = subState,
            };
        }));
        return proto;
    }

    private static Proto.ScheduleFailure ToProto(ScheduleFailure failure)
    {
        var proto = new Proto.ScheduleFailure
        {
            Key = failure.Key,
            Work = failure.Work.ToString(),
            DueAt = Time(failure.DueAtUtcTicks),
            FirstFailedAt = Time(failure.FirstFailedAtUtcTicks),
            LastFailedAt = Time(failure.LastFailedAtUtcTicks),
            Attempts = failure.Attempts,
            Reason = failure.Reason,
        };
        proto.HoldsBack.AddRange(failure.HoldsBack.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return proto;
    }

    private static string DeadlineField(CycleTrigger trigger) => trigger switch
    {
        CycleTrigger.CloseCommitmentPhase => "commitment_due",
        CycleTrigger.CloseFirstHalf => "first_half_report_due",
        _ => "second_half_report_due",
    };

    public static CalendarOverrides ToOverrides(this Proto.CalendarOverrides? overrides) => overrides is null
        ? new CalendarOverrides(null, null, null, null, null, null, null)
        : new CalendarOverrides(
            overrides.HasCommitmentDue ? overrides.CommitmentDue : null,
            overrides.HasFirstHalfReportDue ? overrides.FirstHalfReportDue : null,
            overrides.HasSecondHalfReportDue ? overrides.SecondHalfReportDue : null,
            overrides.HasMassReviewCloses ? overrides.MassReviewCloses : null,
            overrides.HasPublicityDays ? overrides.PublicityDays : null,
            overrides.HasDeterminationBy ? overrides.DeterminationBy : null,
            overrides.HasMaterialsDue ? overrides.MaterialsDue : null);

    public static (Proto.CycleState State, Proto.CycleSubState SubState) StateOf(CycleStatus status) => status switch
    {
        CycleStatus.Commitment => (Proto.CycleState.Commitment, Proto.CycleSubState.Unspecified),
        CycleStatus.FirstHalf => (Proto.CycleState.SelfReport, Proto.CycleSubState.FirstHalf),
        CycleStatus.SecondHalf => (Proto.CycleState.SelfReport, Proto.CycleSubState.SecondHalf),
        CycleStatus.SelfReport => (Proto.CycleState.SelfReport, Proto.CycleSubState.Unspecified),
        CycleStatus.MassReview => (Proto.CycleState.MassReview, Proto.CycleSubState.Unspecified),
        CycleStatus.Publicity => (Proto.CycleState.Publicity, Proto.CycleSubState.Unspecified),
        CycleStatus.Determination => (Proto.CycleState.Determination, Proto.CycleSubState.Unspecified),
        CycleStatus.Application => (Proto.CycleState.Application, Proto.CycleSubState.Unspecified),
        CycleStatus.Closed => (Proto.CycleState.Closed, Proto.CycleSubState.Unspecified),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static Proto.Objection ToProto(Objection objection)
    {
        var proto = new Proto.Objection
        {
            ObjectionId = objection.Id,
            Content = objection.Content,
            RaisedAt = Time(objection.RaisedAtUtcTicks),
            Status = (Proto.ObjectionStatus)(int)objection.Status,
            Resolution = objection.Resolution,
            ResolvedAt = Time(objection.ResolvedAtUtcTicks),
            ResolvedBy = objection.ResolvedBy,
        };
        proto.CorrectedFactIds.AddRange(objection.CorrectedFactIds.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)));
        return proto;
    }

    /// <summary>A superseded one says when, by whom and why, from the reopen logged at the same instant.</summary>
    private static Proto.Determination ToProto(DeterminationRecord determination, IReadOnlyList<CycleTransition> history)
    {
        var proto = new Proto.Determination
        {
            Rating = (Proto.Rating)(int)determination.Rating,
            PeerReviewSummary = determination.PeerReviewSummary,
            SecretaryComment = determination.SecretaryComment,
            DeterminedAt = Time(determination.DeterminedAtUtcTicks),
            DeterminedBy = determination.DeterminedBy,
            ScorecardSnapshotJson = determination.ScorecardSnapshotJson,
            TotalScore = determination.TotalScore,
        };
        if (determination.SupersededAtUtcTicks is { } superseded)
        {
            var reopen = history.LastOrDefault(t => t.Trigger == CycleTrigger.Reopen && t.AtUtcTicks == superseded);
            proto.Superseded = true;
            proto.SupersededAt = Time(superseded);
            proto.SupersededBy = reopen?.Actor ?? string.Empty;
            proto.SupersededReason = reopen?.Note ?? string.Empty;
        }

        return proto;
    }

    private static Proto.Transition ToProto(CycleTransition transition)
    {
        var (fromState, fromSub) = StateOf(transition.From);
        var (toState, toSub) = StateOf(transition.To);
        return new Proto.Transition
        {
            At = Time(transition.AtUtcTicks),
            Actor = transition.Actor,
            Trigger = transition.Trigger.ToString(),
            FromState = fromState,
            FromSubState = fromSub,
            ToState = toState,
            ToSubState = toSub,
            Note = transition.Note,
        };
    }

    private static Timestamp? Time(long? utcTicks) =>
        utcTicks is { } ticks ? Timestamp.FromDateTimeOffset(new DateTimeOffset(ticks, TimeSpan.Zero)) : null;
}
