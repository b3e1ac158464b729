using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Workflow.Calendars;
using Stateless;

namespace Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

/// <summary>
/// One member's yearly cycle. It owns its Stateless machine over <see cref="Status"/> (external state
/// storage): every change goes through an intention-named method that asks the machine first, so a
/// step the state does not permit is refused, naming the state and what it permits, and changes nothing.
/// </summary>
internal sealed partial class Cycle
{
    private readonly List<CycleTransition> _history = [];
    private readonly List<Objection> _objections = [];
    private readonly List<DeterminationRecord> _determinations = [];

    public long Id { get; private set; }

    public int Year { get; private set; }

    public long MemberId { get; private set; }

    public string StaffNumber { get; private set; } = string.Empty;

    public string BranchCode { get; private set; } = string.Empty;

    public CycleStatus Status { get; private set; } = CycleStatus.Commitment;

    public string Commitment { get; private set; } = string.Empty;

    public long? CommittedAtUtcTicks { get; private set; }

    public bool CommitmentMissing { get; private set; }

    public string FirstHalfDeclaration { get; private set; } = string.Empty;

    public long? FirstHalfDeclaredAtUtcTicks { get; private set; }

    public bool FirstHalfDeclarationMissing { get; private set; }

    public string SecondHalfDeclaration { get; private set; } = string.Empty;

    public long? SecondHalfDeclaredAtUtcTicks { get; private set; }

    public bool SecondHalfDeclarationMissing { get; private set; }

    public int OpinionCount { get; private set; }

    public long? PublicityStartedAtUtcTicks { get; private set; }

    public int PublicityDays { get; private set; }

    public string Commendation { get; private set; } = string.Empty;

    public string HelpPlan { get; private set; } = string.Empty;

    public long? OutcomeAppliedAtUtcTicks { get; private set; }

    public string OutcomeAppliedBy { get; private set; } = string.Empty;

    public long Version { get; private set; }

    /// <summary>
    /// The year's calendar, kept with the year, not the cycle: attached by whoever loads the cycle, for the
    /// member's deadlines and the time zone a refusal names moments in (UTC when absent).
    /// </summary>
    public YearCalendar? Calendar { get; private set; }

    public IReadOnlyList<CycleTransition> History => _history;

    public IReadOnlyList<Objection> Objections => _objections;

    public IReadOnlyList<DeterminationRecord> Determinations => _determinations;

    public DeterminationRecord? CurrentDetermination => _determinations.Where(d => d.SupersededAtUtcTicks is null).MaxBy(d => d.Id);

    public bool HasOpenObjections => _objections.Any(o => o.Status == ObjectionStatus.Open);

    public DateTimeOffset? PublicityEndsAt =>
        PublicityStartedAtUtcTicks is { } started ? new DateTimeOffset(started, TimeSpan.Zero).AddDays(PublicityDays) : null;

    /// <summary>For EF Core, which sets the private setters and fills the collections' fields as it reads.</summary>
    private Cycle()
    {
    }

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

    /// <summary>
    /// A cycle in a given shape that exists only to be asked by the machine and stepped, never saved: the bulk
    /// advance decides once per shape on a stand-in and writes the result itself (ADR 14, "Two write paths").
    /// Declaration instants are placeholders; only whether there is one is read.
    /// </summary>
    public static Cycle StandIn(
        CycleStatus status,
        bool commitmentMissing,
        bool firstHalfDeclared,
        bool firstHalfDeclarationMissing,
        bool secondHalfDeclared,
        bool secondHalfDeclarationMissing,
        long? publicityStartedAtUtcTicks,
        int publicityDays,
        bool hasOpenObjections)
    {
        var cycle = new Cycle
        {
            Status = status,
            CommitmentMissing = commitmentMissing,
            FirstHalfDeclaredAtUtcTicks = firstHalfDeclared ? 0 : null,
            FirstHalfDeclarationMissing = firstHalfDeclarationMissing,
            SecondHalfDeclaredAtUtcTicks = secondHalfDeclared ? 0 : null,
            SecondHalfDeclarationMissing = secondHalfDeclarationMissing,
            PublicityStartedAtUtcTicks = publicityStartedAtUtcTicks,
            PublicityDays = publicityDays,
        };
        if (hasOpenObjections)
        {
            cycle._objections.Add(new Objection { Status = ObjectionStatus.Open });
        }

        return cycle;
    }

    /// <summary>Attaches the year's calendar to a cycle just loaded (it is kept with the year, not the cycle).</summary>
    public void AttachCalendar(YearCalendar? calendar) => Calendar = calendar;

    /// <summary>
    /// Attaches the rows a reader loaded for a page of cycles in flat queries of their own to a cycle loaded without
    /// them (see WorkflowRecords.CyclesAsync); once, to a cycle that has none yet.
    /// </summary>
    public void AttachLoadedRows(IEnumerable<CycleTransition> history, IEnumerable<Objection> objections, IEnumerable<DeterminationRecord> determinations)
    {
        if (_history.Count + _objections.Count + _determinations.Count > 0)
        {
            throw new InvalidOperationException($"cycle {Year}/{StaffNumber} already has its rows");
        }

        _history.AddRange(history);
        _objections.AddRange(objections);
        _determinations.AddRange(determinations);
    }

    /// <summary>The actions the state permits now, guards included, that the caller may take, in the contract's words.</summary>
    public IReadOnlyList<string> PermittedActions(DateTimeOffset now)
    {
        var machine = Machine(now);
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

    public bool Permits(CycleTrigger trigger, DateTimeOffset now, out string reason) => Permits(trigger, now, out reason, out _);

    /// <summary>Whether the step may be taken now; if not, why, and whether a condition of the step (not the state) stands in the way.</summary>
    public bool Permits(CycleTrigger trigger, DateTimeOffset now, out string reason, out bool conditionUnmet)
    {
        var machine = Machine(now);
        if (machine.CanFire(trigger, out var unmetGuards))
        {
            reason = string.Empty;
            conditionUnmet = false;
            return true;
        }

        conditionUnmet = unmetGuards is { Count: > 0 };
        reason = conditionUnmet
            ? "not yet true: " + string.Join("; ", unmetGuards!)
            : $"{CycleActions.Of(trigger)} is not a step of {CycleActions.StateName(Status)}";
        return false;
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> after <paramref name="apply"/> has recorded the step's data, and
    /// logs the transition; refuses, changing nothing, when the state does not permit it now. Private: the
    /// intention-named steps are the only callers.
    /// </summary>
    private void Fire(CycleTrigger trigger, string actor, string note, DateTimeOffset now, Action? apply = null, bool log = true)
    {
        EnsurePermits(trigger, now);

        var from = Status;
        apply?.Invoke();
        Machine(now).Fire(trigger);
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

    private StateMachine<CycleStatus, CycleTrigger> Machine(DateTimeOffset now) => CycleMachine.For(this, now, status => Status = status);
}
