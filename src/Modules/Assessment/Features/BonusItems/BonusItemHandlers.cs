using System.Globalization;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Features.BonusItems;

internal sealed record BonusItemProposalInput(string Code, string Name, string Points);

internal sealed record BonusItemDecisionInput(string Code, bool Approve, string Note);

/// <summary>
/// A branch's own bonus items (每年年初确定并报院党委): proposed by the branch, decided by the party
/// committee. Both steps are idempotent; the whole request is one transaction.
/// </summary>
internal sealed class BonusItemHandlers(AssessmentDbContext db, RubricBook rubrics, IMembersModule members, CollegeClock clock)
{
    public const decimal MaxPoints = 100m;

    /// <summary>A branch proposes a handful of items a year; a bound keeps one call from holding the writer.</summary>
    public const int MaxItemsPerCall = 200;

    public async Task<IReadOnlyList<BonusItem>> ProposeAsync(int year, string branchCode, IReadOnlyList<BonusItemProposalInput> proposals, CancellationToken cancellationToken)
    {
        var rubric = (await rubrics.GetAsync(year, cancellationToken)).Rubric;
        var violations = new Violations();
        Identifier.Required(violations, "branch_code", branchCode);
        if (proposals.Count is 0 or > MaxItemsPerCall)
        {
            violations.Add("items", $"must hold 1 to {MaxItemsPerCall} items, not {proposals.Count}");
            violations.ThrowIfAny();
        }

        var seenCodes = new HashSet<string>(StringComparer.Ordinal);

        var valid = new List<(string Code, string Name, long Tenths)>();
        for (var i = 0; i < proposals.Count; i++)
        {
            var field = $"items[{i}].";
            var code = Identifier.Required(violations, field + "code", proposals[i].Code);
            if (code is not null && rubric.FactKinds.Any(k => k.Kind == code))
            {
                violations.Add(field + "code", $"{code} is a kind of the scoring table; choose another code");
            }

            if (code is not null && !seenCodes.Add(code))
            {
                violations.Add(field + "code", $"{code} is proposed twice");
            }

            var name = TextField.Required(violations, field + "name", proposals[i].Name, 100);
            var points = BonusPoints(violations, field + "points", proposals[i].Points);
            if (code is not null && name is not null && points is not null)
            {
                valid.Add((code, name, PointsTenths.From(points.Value)));
            }
        }

        violations.ThrowIfAny();
        if (!await members.BranchExistsAsync(branchCode, cancellationToken))
        {
            throw new NotFoundException("branch", branchCode, "branch_code");
        }

        var codes = valid.Select(v => v.Code).ToList();
        var existing = await db.BonusItems.Where(b => b.Year == year && codes.Contains(b.Code)).ToDictionaryAsync(b => b.Code, cancellationToken);
        var result = new List<BonusItem>();
        foreach (var (code, name, tenths) in valid)
        {
            if (existing.TryGetValue(code, out var item))
            {
                result.Add(Repropose(item, branchCode, name, tenths));
                continue;
            }

            var created = new BonusItem
            {
                Year = year,
                BranchCode = branchCode,
                Code = code,
                Name = name,
                PointsTenths = tenths,
                Status = BonusItemStatus.Proposed,
                ProposedAtUtcTicks = clock.UtcNow.UtcTicks,
                Version = 1,
            };
            db.BonusItems.Add(created);
            result.Add(created);
        }

        await SaveAsync(year, cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<BonusItem>> DecideAsync(int year, IReadOnlyList<BonusItemDecisionInput> decisions, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        var violations = new Violations();
        if (decisions.Count is 0 or > MaxItemsPerCall)
        {
            violations.Add("decisions", $"must hold 1 to {MaxItemsPerCall} decisions, not {decisions.Count}");
            violations.ThrowIfAny();
        }

        for (var i = 0; i < decisions.Count; i++)
        {
            Identifier.Required(violations, $"decisions[{i}].code", decisions[i].Code);
            TextField.Optional(violations, $"decisions[{i}].note", decisions[i].Note, 500);
        }

        violations.ThrowIfAny();
        var codes = decisions.Select(d => d.Code).ToList();
        var items = await db.BonusItems.Where(b => b.Year == year && codes.Contains(b.Code)).ToDictionaryAsync(b => b.Code, cancellationToken);
        var result = new List<BonusItem>();
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            var item = items.GetValueOrDefault(decision.Code) ?? throw new NotFoundException("bonus item", $"{year}/{decision.Code}", $"decisions[{i}].code");
            var wanted = decision.Approve ? BonusItemStatus.Approved : BonusItemStatus.Rejected;
            if (item.Status == BonusItemStatus.Proposed)
            {
                item.Status = wanted;
                item.DecisionNote = decision.Note.Trim();
                item.DecidedAtUtcTicks = clock.UtcNow.UtcTicks;
                item.Version++;
            }
            else if (item.Status != wanted)
            {
                throw new FailedPreconditionException(
                    $"bonus item {item.Code}", SeedNames.Of(item.Status), ["ProposeBonusItems (the branch proposes it again)"], "it has been decided already");
            }

            result.Add(item);
        }

        await SaveAsync(year, cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<BonusItem>> ListAsync(int year, string branchCode, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        var violations = new Violations();
        Identifier.Optional(violations, "branch_code", branchCode);
        violations.ThrowIfAny();
        var items = db.BonusItems.AsNoTracking().Where(b => b.Year == year);
        if (branchCode.Length > 0)
        {
            items = items.Where(b => b.BranchCode == branchCode);
        }

        return await items.OrderBy(b => b.BranchCode).ThenBy(b => b.Code).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The same proposal again changes nothing; a rejected item may be proposed anew, changed or not;
    /// a proposal may not move an item between branches or change an approved one.
    /// </summary>
    private BonusItem Repropose(BonusItem item, string branchCode, string name, long tenths)
    {
        var same = item.BranchCode == branchCode && item.Name == name && item.PointsTenths == tenths;
        if (same && item.Status != BonusItemStatus.Rejected)
        {
            return item;
        }

        if (item.BranchCode != branchCode || item.Status == BonusItemStatus.Approved)
        {
            throw new AlreadyExistsException("bonus item", $"{item.Year}/{item.Code}",
            [
                new FieldViolation("code", $"{item.Code} is {SeedNames.Of(item.Status)} for branch {item.BranchCode} as '{item.Name}' worth {item.Points}"),
            ]);
        }

        item.Name = name;
        item.PointsTenths = tenths;
        item.Status = BonusItemStatus.Proposed;
        item.DecisionNote = string.Empty;
        item.DecidedAtUtcTicks = null;
        item.ProposedAtUtcTicks = clock.UtcNow.UtcTicks;
        item.Version++;
        return item;
    }

    private static decimal? BonusPoints(Violations violations, string field, string value)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points) || points <= 0m || points > MaxPoints
            || !PointsTenths.HasAtMostOneDecimal(points))
        {
            violations.Add(field, $"must be a decimal greater than 0 and at most {MaxPoints}, with at most one decimal place");
            return null;
        }

        return points;
    }

    private async Task SaveAsync(int year, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || SqliteErrors.IsUniqueViolation(exception))
        {
            throw new ConcurrencyConflictException("bonus items", year.ToString(CultureInfo.InvariantCulture), null, null);
        }
    }
}
