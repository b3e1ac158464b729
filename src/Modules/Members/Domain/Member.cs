using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;

namespace Chuangji.Workflow.Modules.Members.Domain;

internal sealed class Member
{
    private readonly List<BranchMembership> _history = [];

    private Member()
    {
    }

    public long Id { get; private set; }

    public string StaffNumber { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>The current branch; the history's open membership names the same.</summary>
    public string BranchCode { get; private set; } = string.Empty;

    public MemberCategory Category { get; private set; }

    public MemberStatus Status { get; private set; }

    public DateOnly JoinedPartyOn { get; private set; }

    public string Specialty { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public long CreatedAtUtcTicks { get; private set; }

    public long UpdatedAtUtcTicks { get; private set; }

    public IReadOnlyList<BranchMembership> History => _history;

    private BranchMembership CurrentMembership => _history.Single(m => m.UntilDate is null);

    public static Member Register(MemberData data, DateOnly today, DateTimeOffset now)
    {
        var member = new Member
        {
            StaffNumber = data.StaffNumber,
            Name = data.Name,
            BranchCode = data.BranchCode,
            Category = data.Category,
            Status = MemberStatus.Active,
            JoinedPartyOn = data.JoinedPartyOn,
            Specialty = data.Specialty,
            Version = 1,
            CreatedAtUtcTicks = now.UtcTicks,
            UpdatedAtUtcTicks = now.UtcTicks,
        };
        member._history.Add(BranchMembership.Start(data.BranchCode, today, "registered"));
        return member;
    }

    /// <summary>
    /// The fields in which a repeated registration differs from this member, each naming the
    /// stored value: empty means the registration is a retry of the one that created it.
    /// </summary>
    public IReadOnlyList<FieldViolation> DifferencesFrom(MemberData data, string fieldPrefix)
    {
        return new Differences("registered as")
            .Compare(fieldPrefix + "name", Name, data.Name)
            .Compare(fieldPrefix + "branch_code", BranchCode, data.BranchCode)
            .Compare(fieldPrefix + "category", CategoryNames.Of(Category), CategoryNames.Of(data.Category))
            .Compare(fieldPrefix + "joined_party_on", IsoDate.Format(JoinedPartyOn), IsoDate.Format(data.JoinedPartyOn))
            .Compare(fieldPrefix + "specialty", Specialty, data.Specialty)
            .Items;
    }

    /// <summary>Applies an edit; returns false, and bumps nothing, when nothing changes.</summary>
    public bool Edit(MemberEdit edit, DateTimeOffset now)
    {
        var before = (Name, Category, Status, JoinedPartyOn, Specialty);
        Name = edit.Name ?? Name;
        Category = edit.Category ?? Category;
        Status = edit.Status ?? Status;
        JoinedPartyOn = edit.JoinedPartyOn ?? JoinedPartyOn;
        Specialty = edit.Specialty ?? Specialty;
        if (before == (Name, Category, Status, JoinedPartyOn, Specialty))
        {
            return false;
        }

        Touch(now);
        return true;
    }

    /// <summary>
    /// Moves the member to another branch from <paramref name="effectiveOn"/>. Returns false for a
    /// retry (already in that branch from that very date).
    /// </summary>
    public bool TransferTo(string branchCode, DateOnly effectiveOn, string note, DateTimeOffset now)
    {
        var current = CurrentMembership;
        if (current.BranchCode == branchCode)
        {
            if (current.FromDate == effectiveOn)
            {
                return false;
            }

            throw new FailedPreconditionException(
                $"member {StaffNumber}",
                $"in branch {branchCode} since {IsoDate.Format(current.FromDate)}",
                ["TransferMember to another branch"],
                "a member cannot be transferred to the branch it is in");
        }

        if (Status != MemberStatus.Active)
        {
            throw new FailedPreconditionException(
                $"member {StaffNumber}",
                StatusNames.Of(Status),
                ["UpdateMember to status MEMBER_STATUS_ACTIVE"],
                "only active members can be transferred between branches");
        }

        if (effectiveOn < current.FromDate)
        {
            throw new InvalidArgumentException(
                "effective_on",
                $"must not be before {IsoDate.Format(current.FromDate)}, when the member joined branch {current.BranchCode}");
        }

        current.End(effectiveOn);
        _history.Add(BranchMembership.Start(branchCode, effectiveOn, note));
        BranchCode = branchCode;
        Touch(now);
        return true;
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAtUtcTicks = now.UtcTicks;
    }
}
