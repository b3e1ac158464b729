using Chuangji.Workflow.Assessment.Domain;
using Chuangji.Workflow.Assessment.Domain.Rubrics;
using Chuangji.Workflow.Assessment.Domain.Validation;
using Chuangji.Workflow.Assessment.Persistence;
using Chuangji.Workflow.Assessment.Seeding;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Assessment.Rubrics;

/// <summary>
/// The table each year is scored by. A year's first use stores the college default as version 1,
/// so the version a scorecard names stays the same even if seeds/ changes later.
/// </summary>
internal sealed class RubricBook(AssessmentDbContext db, DefaultRubricSource defaults, RubricDocuments documents, CollegeClock clock)
{
    public async Task<YearRubric> GetAsync(int year, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        var current = await CurrentAsync(year, cancellationToken) ?? await StoreDefaultAsync(year, cancellationToken);
        return new YearRubric(year, current.Version, documents.Parse(year, current.Version, current.Document));
    }

    public async Task<YearRubric> ReplaceAsync(int year, Rubric rubric, string note, CancellationToken cancellationToken)
    {
        await GetAsync(year, cancellationToken);
        var problems = RubricValidator.ProblemsIn(rubric);
        if (problems.Count > 0)
        {
            throw new InvalidArgumentException(problems.Select(p => new FieldViolation("rubric", p.ToString())).ToList());
        }

        var yearRow = await db.RubricYears.SingleAsync(y => y.Year == year, cancellationToken);
        if (yearRow.LockedAtUtcTicks is not null)
        {
            throw new FailedPreconditionException(
                $"scoring table of {year}", "DETERMINED", [], "the year has had its first determination (定绩); its table is fixed");
        }

        await EnsureUsedKindsKeptAsync(year, rubric, cancellationToken);
        var version = yearRow.CurrentVersion + 1;
        db.RubricVersions.Add(new RubricVersion
        {
            Year = year,
            Version = version,
            Document = RubricJson.Serialize(rubric),
            Note = note.Trim(),
            CreatedAtUtcTicks = clock.UtcNow.UtcTicks,
        });
        yearRow.CurrentVersion = version;
        yearRow.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || SqliteErrors.IsUniqueViolation(exception))
        {
            throw new ConcurrencyConflictException("scoring table", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null, version - 1);
        }

        return new YearRubric(year, version, rubric);
    }

    /// <summary>Fixes the year's table; called at the year's first determination. Repeating it changes nothing.</summary>
    public async Task LockAsync(int year, CancellationToken cancellationToken)
    {
        await GetAsync(year, cancellationToken);
        var yearRow = await db.RubricYears.SingleAsync(y => y.Year == year, cancellationToken);
        if (yearRow.LockedAtUtcTicks is null)
        {
            yearRow.LockedAtUtcTicks = clock.UtcNow.UtcTicks;
            yearRow.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task EnsureUsedKindsKeptAsync(int year, Rubric rubric, CancellationToken cancellationToken)
    {
        var kept = rubric.FactKinds.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal);
        var used = await db.Facts.Where(f => f.Year == year).Select(f => f.Kind).Distinct().ToListAsync(cancellationToken);
        var branchItems = await db.BonusItems.Where(b => b.Year == year).Select(b => b.Code).ToListAsync(cancellationToken);
        var dropped = used.Where(kind => !kept.Contains(kind) && !branchItems.Contains(kind)).Order(StringComparer.Ordinal).ToList();
        if (dropped.Count > 0)
        {
            throw new InvalidArgumentException("rubric.fact_kinds", $"must keep the kinds {year}'s facts use: {string.Join(", ", dropped)}");
        }
    }

    private Task<RubricVersion?> CurrentAsync(int year, CancellationToken cancellationToken) =>
        db.RubricVersions.AsNoTracking()
            .Where(v => v.Year == year)
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<RubricVersion> StoreDefaultAsync(int year, CancellationToken cancellationToken)
    {
        var version = new RubricVersion
        {
            Year = year,
            Version = 1,
            Document = RubricJson.Serialize(defaults.Rubric),
            Note = "the college default (seeds/rubric.default.json)",
            CreatedAtUtcTicks = clock.UtcNow.UtcTicks,
        };
        db.RubricVersions.Add(version);
        db.RubricYears.Add(new RubricYear { Year = year, CurrentVersion = 1, Version = 1 });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return version;
        }
        catch (DbUpdateException exception) when (SqliteErrors.IsUniqueViolation(exception))
        {
            // Another request stored the year's first version at the same moment; use that one.
            db.ChangeTracker.Clear();
            return (await CurrentAsync(year, cancellationToken))!;
        }
    }
}
