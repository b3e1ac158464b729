using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Domain.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Persistence;

/// <summary>
/// The module's model, which its handlers use. Each provider has a context of its own derived from it, for which its
/// migrations are made: <see cref="SqliteAssessmentDbContext"/> (Migrations/) and <see cref="PostgreSqlAssessmentDbContext"/> (PostgreSqlMigrations/).
/// </summary>
internal abstract class AssessmentDbContext(DbContextOptions options) : DbContext(options)
{

    public const string Module = "Assessment";

    /// <summary>The module's schema on PostgreSQL.</summary>
    public const string Schema = "assessment";

    public const string FactsTable = "assessment_facts";

    public const string RubricVersionsTable = "assessment_rubric_versions";

    public const string RubricYearsTable = "assessment_rubric_years";

    public DbSet<Fact> Facts => Set<Fact>();

    public DbSet<BonusItem> BonusItems => Set<BonusItem>();

    public DbSet<RubricVersion> RubricVersions => Set<RubricVersion>();

    public DbSet<RubricYear> RubricYears => Set<RubricYear>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Fact>(fact =>
        {
            fact.ToTable(FactsTable);
            fact.HasKey(f => f.Id);
            fact.Property(f => f.StaffNumber).HasMaxLength(32);
            fact.Property(f => f.Kind).HasMaxLength(64);
            fact.Property(f => f.Note).HasMaxLength(500);
            fact.Property(f => f.RecordedBy).HasMaxLength(64);
            fact.Property(f => f.RequestId).HasMaxLength(64);
            // Per member: one caller cannot take (or learn from) another member's request ids.
            fact.HasIndex(f => new { f.StaffNumber, f.RequestId }).IsUnique();
            fact.Property(f => f.RevokedBy).HasMaxLength(64);
            fact.Property(f => f.RevocationReason).HasMaxLength(500);
            fact.Property(f => f.Version).IsConcurrencyToken();
            fact.HasIndex(f => new { f.Year, f.MemberId });
            fact.HasIndex(f => new { f.Year, f.StaffNumber, f.Id });
            fact.Ignore(f => f.Points);
            fact.Ignore(f => f.IsRevoked);
        });

        modelBuilder.Entity<BonusItem>(item =>
        {
            item.ToTable("assessment_bonus_items");
            item.HasKey(b => b.Id);
            item.Property(b => b.BranchCode).HasMaxLength(32);
            item.Property(b => b.Code).HasMaxLength(64);
            item.Property(b => b.Name).HasMaxLength(100);
            item.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
            item.Property(b => b.DecisionNote).HasMaxLength(500);
            item.Property(b => b.Version).IsConcurrencyToken();
            item.HasIndex(b => new { b.Year, b.Code }).IsUnique();
            item.Ignore(b => b.Points);
        });

        modelBuilder.Entity<RubricVersion>(version =>
        {
            version.ToTable(RubricVersionsTable);
            version.HasKey(v => new { v.Year, v.Version });
            version.Property(v => v.Note).HasMaxLength(500);
        });

        modelBuilder.Entity<RubricYear>(year =>
        {
            year.ToTable(RubricYearsTable);
            year.HasKey(y => y.Year);
            year.Property(y => y.Year).ValueGeneratedNever();
            year.Property(y => y.Version).IsConcurrencyToken();
        });
    }
}
