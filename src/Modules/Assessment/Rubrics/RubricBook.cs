using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Domain.Rubrics;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.Modules.Assessment.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Rubrics;

/// <summary>
/// The table each year is scored by. A year's first use stores the college default as version 1,
/// so the version a scorecard names stays the same even if seeds/ changes later.
/// </summary>
internal sealed class RubricBook(AssessmentDbContext db, DefaultRubricSource defaults, RubricDocuments documents, CollegeClock clock)
{
    /// <summary>Why a table changed, kept with its version.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>The table in force now: the latest stored version, or the default as version 1 (stored at the year's first write).</summary>
    public async Task<YearRubric> GetAsync(int year, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        var versions = await VersionsAsync(year, cancellationToken);
        return versions.Count > 0 ? await ParseAsync(versions[0], cancellationToken) : new YearRubric(year, 1, defaults.Rubric);
    }

    /// <summary>The table that was in force at a moment, so a scorecard as of then reads as it did then.</summary>
    public async Task<YearRubric> GetAsOfAsync(int year, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        var versions = await VersionsAsync(year, cancellationToken);
        if (versions.Count == 0)
        {
            return new YearRubric(year, 1, defaults.Rubric);
        }

        return await ParseAsync(versions.FirstOrDefault(v => v.CreatedAtUtcTicks <= asOf.UtcTicks) ?? versions[^1], cancellationToken);
    }

    /// <summary>For write paths: the current table, storing the default as version 1 on the year's first write.</summary>
    public async Task<YearRubric> EnsureStoredAsync(int year, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        if (documents.TryGetCurrentVersion(year, out var known))
        {
            return await ParseAsync(new VersionHeader(year, known, 0), cancellationToken);
        }

        var versions = await VersionsAsync(year, cancellationToken);
        var current = versions.Count > 0 ? versions[0] : await StoreDefaultHeaderAsync(year, cancellationToken);
        documents.RememberCurrentVersion(year, current.Version);
        return await ParseAsync(current, cancellationToken);
    }

    public async Task<YearRubric> ReplaceAsync(int year, Rubric rubric, string note, CancellationToken cancellationToken)
    {
        AssessmentYear.EnsureInRange(year, "year");
        var noteViolations = new Violations();
        var checkedNote = TextField.Optional(noteViolations, "note", note, MaxNoteLength);
        noteViolations.ThrowIfAny();
        RubricRules.All.ThrowIfInvalidArgument(rubric, "rubric");

        await EnsureStoredAsync(year, cancellationToken);

        // No fact of a dropped kind can be committed between the check and the new version: on SQLite the transaction
        // is the one writer (BEGIN IMMEDIATE); on PostgreSQL the year's row is locked, and the fact writer reads it FOR SHARE.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lockYear = $"SELECT * FROM {db.Table<RubricYear>()} WHERE \"Year\" = {{0}}{db.ForUpdate()}";
        var yearRow = await db.RubricYears.FromSqlRaw(lockYear, year).SingleAsync(cancellationToken);
        if (yearRow.LockedAtUtcTicks is not null)
        {
            throw new FailedPreconditionException(
                $"scoring table of {year}", "DETERMINED", [], "the year has had its first determination (定绩); its table is fixed");
        }

        await EnsureConsistentWithYearAsync(year, rubric, cancellationToken);
        var version = yearRow.CurrentVersion + 1;
        db.RubricVersions.Add(new RubricVersion
        {
            Year = year,
            Version = version,
            Document = RubricJson.Serialize(rubric),
            Note = checkedNote!,
            CreatedAtUtcTicks = clock.UtcNow.UtcTicks,
        });
        yearRow.CurrentVersion = version;
        yearRow.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        documents.RememberCurrentVersion(year, version);
        return new YearRubric(year, version, rubric);
    }

    /// <summary>Fixes the year's table; called at the year's first determination. Repeating it changes nothing.</summary>
    public async Task LockAsync(int year, CancellationToken cancellationToken)
    {
        await EnsureStoredAsync(year, cancellationToken);
        var yearRow = await db.RubricYears.SingleAsync(y => y.Year == year, cancellationToken);
        if (yearRow.LockedAtUtcTicks is null)
        {
            yearRow.LockedAtUtcTicks = clock.UtcNow.UtcTicks;
            yearRow.Version++;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The new table keeps every kind the year's facts use and takes no code of the year's branch bonus items.</summary>
    private async Task EnsureConsistentWithYearAsync(int year, Rubric rubric, CancellationToken cancellationToken)
    {
        var kinds = rubric.FactKinds.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal);
        var bonusCodes = await db.BonusItems.Where(b => b.Year == year).Select(b => b.Code).ToListAsync(cancellationToken);
        var used = await db.Facts.Where(f => f.Year == year).Select(f => f.Kind).Distinct().ToListAsync(cancellationToken);
        var violations = new List<FieldViolation>();
        var dropped = used.Where(kind => !kinds.Contains(kind) && !bonusCodes.Contains(kind)).Order(StringComparer.Ordinal).ToList();
        if (dropped.Count > 0)
        {
            violations.Add(new FieldViolation("rubric.fact_kinds", $"must keep the kinds {year}'s facts use: {string.Join(", ", dropped)}"));
        }

        var taken = bonusCodes.Where(kinds.Contains).Order(StringComparer.Ordinal).ToList();
        if (taken.Count > 0)
        {
            violations.Add(new FieldViolation("rubric.fact_kinds", $"must not use the codes of {year}'s branch bonus items: {string.Join(", ", taken)}"));
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }
    }

    /// <summary>Newest first; without the documents, which the parse cache holds once read.</summary>
    private Task<List<VersionHeader>> VersionsAsync(int year, CancellationToken cancellationToken) =>
        db.RubricVersions.AsNoTracking().Where(v => v.Year == year).OrderByDescending(v => v.Version)
            .Select(v => new VersionHeader(v.Year, v.Version, v.CreatedAtUtcTicks))
            .ToListAsync(cancellationToken);

    private async Task<YearRubric> ParseAsync(VersionHeader header, CancellationToken cancellationToken)
    {
        var rubric = await documents.GetAsync(header.Year, header.Version, () =>
            db.RubricVersions.AsNoTracking().Where(v => v.Year == header.Year && v.Version == header.Version).Select(v => v.Document).SingleAsync(cancellationToken));
        return new YearRubric(header.Year, header.Version, rubric);
    }

    private async Task<VersionHeader> StoreDefaultHeaderAsync(int year, CancellationToken cancellationToken)
    {
        var stored = await StoreDefaultAsync(year, cancellationToken);
        return new VersionHeader(stored.Year, stored.Version, stored.CreatedAtUtcTicks);
    }

    private sealed record VersionHeader(int Year, int Version, long CreatedAtUtcTicks);

    /// <summary>
    /// Stores the year's first version unless another request has just done so: the first calls of a year may race
    /// here, and whoever loses simply reads the winner's (no failed insert, which would log as an error).
    /// </summary>
    private async Task<RubricVersion> StoreDefaultAsync(int year, CancellationToken cancellationToken)
    {
        using var housekeeping = AuditScope.Housekeeping("storing the year's default table");
        var document = RubricJson.Serialize(defaults.Rubric);
        const string note = "the college default (seeds/rubric.default.json)";
        var createdAt = clock.UtcNow.UtcTicks;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var insertVersion =
                $"INSERT INTO {db.Table<RubricVersion>()} (\"Year\", \"Version\", \"Document\", \"Note\", \"CreatedAtUtcTicks\") VALUES ({{0}}, 1, {{1}}, {{2}}, {{3}}) ON CONFLICT DO NOTHING";
            await db.Database.ExecuteSqlRawAsync(insertVersion, [year, document, note, createdAt], cancellationToken);
            var insertYear =
                $"INSERT INTO {db.Table<RubricYear>()} (\"Year\", \"CurrentVersion\", \"LockedAtUtcTicks\", \"Version\") VALUES ({{0}}, 1, NULL, 1) ON CONFLICT DO NOTHING";
            await db.Database.ExecuteSqlRawAsync(insertYear, [year], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.RubricVersions.AsNoTracking().Where(v => v.Year == year).OrderBy(v => v.Version).FirstAsync(cancellationToken);
    }
}
