using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Workflow.Calendars;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>
/// One member's yearly cycle. It owns its Stateless machine over <see cref="Status"/> (external state
/// storage): every change goes through an intention-named method that asks the machine first, so a
/// step the state does not permit is refused, naming the state and what it permits, and changes nothing.
/// </summary>
internal sealed class Cycle
{
    private readonly List<CycleTransition> _history = [];
    private readonly List<Objection> _objections = [];
    private readonly List<DeterminationRecord> _determinations = [];

    public long Id { get; set; }

    public int Year { get; set; }

    public long MemberId { get; set; }

    public string StaffNumber { get; set; } = string.Empty;

    public string BranchCode { get; set; } = string.Empty;

    public CycleStatus Status { get; set; } = CycleStatus.Commitment;

    public string Commitment { get; set; } = string.Empty;

    public long? CommittedAtUtcTicks { get; set; }

    public bool CommitmentMissing { get; set; }

    public string FirstHalfDeclaration { get; set; } = string.Empty;

    public long? FirstHalfDeclaredAtUtcTicks { get; set; }

    public bool FirstHalfDeclarationMissing { get; set; }

    public string SecondHalfDeclaration { get; set; } = string.Empty;

    public long? SecondHalfDeclaredAtUtcTicks { get; set; }

    public bool SecondHalfDeclarationMissing { get; set; }

    public int OpinionCount { get; set; }

    public long? PublicityStartedAtUtcTicks { get; set; }

    public int PublicityDays { get; set; }

    public string Commendation { get; set; } = string.Empty;

    public string HelpPlan { get; set; } = string.Empty;

    public long? OutcomeAppliedAtUtcTicks { get; set; }

    public string OutcomeAppliedBy { get; set; } = string.Empty;

    public long Version { get; set; }

    /// <summary>
    /// The year's calendar, kept with the year, not the cycle: attached by whoever loads the cycle, for the
    /// member's deadlines and the time zone a refusal names moments in (UTC when absent).
    /// </summary>
    public YearCalendar? Calendar { get; set; }

    public IReadOnlyList<CycleTransition> History => _history;

    public IReadOnlyList<Objection> Objections => _objections;

    public IReadOnlyList<DeterminationRecord> Determinations => _determinations;

    public DeterminationRecord? CurrentDetermination => _determinations.Where(d => d.SupersededAtUtcTicks is null).MaxBy(d => d.Id);

    public bool HasOpenObjections => _objections.Any(o => o.Status == ObjectionStatus.Open);

    public DateTimeOffset? PublicityEndsAt =>
        PublicityStartedAtUtcTicks is { } started ? new DateTimeOffset(started, TimeSpan.Zero).AddDays(PublicityDays) : null;

    public static Cycle Open(int year, long memberId, string staffNumber, string branchCode, int publicityDays) => new()
    {
        Year = year,
        MemberId = memberId,
        StaffNumber = staffNumber,
        BranchCode = branchCode,
        Status = CycleStatus.Commitment,
        PublicityDays = publicityDays,
        Version = 1,
    };

    /// <summary>The actions the state permits now, guards included, that the caller may take, in the contract's words.</summary>
    public IReadOnlyList<string> PermittedActions(DateTimeOffset now)
    {
        var machine = CycleMachine.For(this, now);
        return Enum.GetValues<CycleTrigger>().Where(machine.CanFire).Where(CycleActions.CallerMayTake).Select(CycleActions.Of).ToList();
    }

    /// <summary>Refuses, naming the state and what it permits, unless the state permits the trigger now.</summary>
    public void EnsurePermits(CycleTrigger trigger, DateTimeOffset now)
    {
        if (!Permits(trigger, now, out var reason))
        {
            throw new FailedPreconditionException($"cycle {Year}/{StaffNumber}", CycleActions.StateName(Status), PermittedActions(now), reason);
        }
    }

    public bool Permits(CycleTrigger trigger, DateTimeOffset now, out string reason)
    {
        var machine = CycleMachine.For(this, now);
        if (machine.CanFire(trigger, out var unmetGuards))
        {
            reason = string.Empty;
            return true;
        }

        reason = unmetGuards is { Count: > 0 }
            ? "not yet true: " + string.Join("; ", unmetGuards)
            : $"{CycleActions.Of(trigger)} is not a step of {CycleActions.StateName(Status)}";
        return false;
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> after <paramref name="apply"/> has recorded the step's data, and
    /// logs the transition; refuses, changing nothing, when the state does not permit it now.
    /// </summary>
    public void Fire(CycleTrigger trigger, string actor, string note, DateTimeOffset now, Action? apply = null, bool log = true)
    {
        EnsurePermits(trigger, now);

        var from = Status;
        apply?.Invoke();
        CycleMachine.For(this, now).Fire(trigger);
        Version++;
        if (!log)
        {
            return;
        }

        _history.Add(new CycleTransition
        {
            AtUtcTicks = now.UtcTicks,
            Actor = actor,
            Trigger = trigger,
            From = from,
            To = Status,
            Note = note,
        });
    }

    public void AddObjection(Objection objection) => _objections.Add(objection);

    public void AddDetermination(DeterminationRecord determination) => _determinations.Add(determination);
}
