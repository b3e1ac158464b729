using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Roster;

/// <summary>
/// Registers members idempotently on the staff number, one or a whole roster at a time: each row
/// is judged on its own, and every row that passes is stored in one transaction.
/// </summary>
internal sealed class MemberRegistrar(MembersDbContext db, CollegeClock clock)
{
    private const int MaxAttempts = 3;

    private const int LookupChunk = 500;

    public async Task<IReadOnlyList<RegistrationOutcome>> RegisterAsync(
        IReadOnlyList<MemberRegistrationInput> rows, Func<int, string> fieldPrefix, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcomes = await DecideAsync(rows, fieldPrefix, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return outcomes;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                if (attempt == MaxAttempts)
                {
                    throw new ConcurrencyConflictException("roster", "members", null, null);
                }

                // A concurrent registration of one of these staff numbers won; judge the rows again against it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<List<RegistrationOutcome>> DecideAsync(
        IReadOnlyList<MemberRegistrationInput> rows, Func<int, string> fieldPrefix, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        var validated = new (MemberData? Data, DomainException? Error)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                validated[i] = (rows[i].Validate(fieldPrefix(i), today), null);
            }
            catch (InvalidArgumentException exception)
            {
                validated[i] = (null, exception);
            }
        }

        var valid = validated.Where(v => v.Data is not null).Select(v => v.Data!).ToList();
        var known = await LoadMembersAsync(valid.Select(d => d.StaffNumber), cancellationToken);
        var branches = await LoadBranchCodesAsync(valid.Select(d => d.BranchCode), cancellationToken);

        var outcomes = new List<RegistrationOutcome>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (data, error) = validated[i];
            outcomes.Add(data is null
                ? new RegistrationOutcome(i, rows[i].StaffNumber, null, false, error)
                : Decide(i, data, fieldPrefix(i), known, branches, today, now));
        }

        return outcomes;
    }

    private RegistrationOutcome Decide(
        int row, MemberData data, string fieldPrefix, Dictionary<string, Member> known, HashSet<string> branches, DateOnly today, DateTimeOffset now)
    {
        if (known.TryGetValue(data.StaffNumber, out var existing))
        {
            var differences = existing.DifferencesFrom(data, fieldPrefix);
            return differences.Count == 0
                ? new RegistrationOutcome(row, data.StaffNumber, existing, false, null)
                : new RegistrationOutcome(row, data.StaffNumber, null, false, new AlreadyExistsException("member", data.StaffNumber, differences));
        }

        if (!branches.Contains(data.BranchCode))
        {
            return new RegistrationOutcome(row, data.StaffNumber, null, false, new NotFoundException("branch", data.BranchCode, fieldPrefix + "branch_code"));
        }

        var member = Member.Register(data, today, now);
        db.Members.Add(member);
        known.Add(data.StaffNumber, member);
        return new RegistrationOutcome(row, data.StaffNumber, member, true, null);
    }

    private async Task<Dictionary<string, Member>> LoadMembersAsync(IEnumerable<string> staffNumbers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var chunk in staffNumbers.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var members = await db.Members.Include(m => m.History)
                .Where(m => chunk.Contains(m.StaffNumber))
                .ToListAsync(cancellationToken);
            foreach (var member in members)
            {
                found[member.StaffNumber] = member;
            }
        }

        return found;
    }

    private async Task<HashSet<string>> LoadBranchCodesAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToArray();
        var existing = await db.Branches.Where(b => wanted.Contains(b.Code)).Select(b => b.Code).ToListAsync(cancellationToken);
        return existing.ToHashSet(StringComparer.Ordinal);
    }
}
