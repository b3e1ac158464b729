using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Features.Shared;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Rubrics;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Features.ProposeBonusItems;

internal sealed record BonusItemProposalInput(string Code, string Name, string Points);

/// <summary>
/// A branch proposes its own bonus items (每年年初确定并报院党委) for the party committee to decide.
/// Idempotent; the whole request is one transaction.
/// </summary>
internal sealed class ProposeBonusItemsHandler(AssessmentDbContext db, RubricBook rubrics, IMembersModule members, CollegeClock clock)
{
    public const decimal MaxPoints = 100m;

    public async Task<IReadOnlyList<BonusItem>> HandleAsync(int year, string branchCode, IReadOnlyList<BonusItemProposalInput> proposals, CancellationToken cancellationToken)
    {
        var rubric = (await rubrics.GetAsync(year, cancellationToken)).Rubric;
        var violations = new Violations();
        Identifier.Required(violations, "branch_code", branchCode);
        if (proposals.Count is 0 or > BonusItemWrites.MaxItemsPerCall)
        {
            violations.Add("items", $"must hold 1 to {BonusItemWrites.MaxItemsPerCall} items, not {proposals.Count}");
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

        await BonusItemWrites.SaveAsync(db, year, cancellationToken);
        return result;
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
}
