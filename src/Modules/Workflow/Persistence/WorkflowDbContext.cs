using Chuangji.Workflow.Modules.Workflow.Domain.Checks;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Opinions;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Persistence;

/// <summary>
/// The module's model, which its handlers use. Each provider has a context of its own derived from it, for which its
/// migrations are made: <see cref="SqliteWorkflowDbContext"/> (Migrations/) and <see cref="PostgreSqlWorkflowDbContext"/> (PostgreSqlMigrations/).
/// </summary>
internal abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{

    public const string Module = "Workflow";

    /// <summary>The module's schema on PostgreSQL.</summary>
    public const string Schema = "workflow";

    public const string CyclesTable = "workflow_cycles";

    public const string RemindersTable = "workflow_reminders";

    public const string YearsTable = "workflow_years";

    public DbSet<WorkflowYear> Years => Set<WorkflowYear>();

    public DbSet<Cycle> Cycles => Set<Cycle>();

    public DbSet<Opinion> Opinions => Set<Opinion>();

    public DbSet<ScheduleRun> ScheduleRuns => Set<ScheduleRun>();

    public DbSet<ScheduleFailure> ScheduleFailures => Set<ScheduleFailure>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<CheckReport> CheckReports => Set<CheckReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowYear>(year =>
        {
            year.ToTable(YearsTable);
            year.HasKey(y => y.Year);
            year.Property(y => y.Year).ValueGeneratedNever();
            year.Property(y => y.TimeZone).HasMaxLength(64);
            year.Property(y => y.OpenedBy).HasMaxLength(64);
            year.Property(y => y.Version).IsConcurrencyToken();
            year.Ignore(y => y.Calendar);
        });

        modelBuilder.Entity<Cycle>(cycle =>
        {
            cycle.ToTable(CyclesTable);
            cycle.HasKey(c => c.Id);
            cycle.HasIndex(c => new { c.Year, c.MemberId }).IsUnique();
            cycle.HasIndex(c => new { c.Year, c.StaffNumber }).IsUnique();
            cycle.HasIndex(c => new { c.Year, c.BranchCode, c.StaffNumber });
            cycle.Property(c => c.StaffNumber).HasMaxLength(32);
            cycle.Property(c => c.BranchCode).HasMaxLength(32);
            cycle.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            cycle.Property(c => c.Version).IsConcurrencyToken();
            cycle.HasMany(c => c.History).WithOne().HasForeignKey(t => t.CycleId);
            cycle.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
            cycle.HasMany(c => c.Objections).WithOne().HasForeignKey(o => o.CycleId);
            cycle.Navigation(c => c.Objections).UsePropertyAccessMode(PropertyAccessMode.Field);
            cycle.HasMany(c => c.Determinations).WithOne().HasForeignKey(d => d.CycleId);
            cycle.Navigation(c => c.Determinations).UsePropertyAccessMode(PropertyAccessMode.Field);
            cycle.Ignore(c => c.CurrentDetermination);
            cycle.Ignore(c => c.HasOpenObjections);
            cycle.Ignore(c => c.PublicityEndsAt);
            cycle.Ignore(c => c.Calendar);
        });

        modelBuilder.Entity<CycleTransition>(transition =>
        {
            transition.ToTable("workflow_cycle_transitions");
            transition.HasKey(t => t.Id);
            transition.Property(t => t.Trigger).HasConversion<string>().HasMaxLength(32);
            transition.Property(t => t.From).HasConversion<string>().HasMaxLength(16);
            transition.Property(t => t.To).HasConversion<string>().HasMaxLength(16);
            transition.Property(t => t.Actor).HasMaxLength(64);
            transition.Property(t => t.Note).HasMaxLength(500);
        });

        modelBuilder.Entity<Objection>(objection =>
        {
            objection.ToTable("workflow_objections");
            objection.HasKey(o => o.Id);
            objection.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<DeterminationRecord>(determination =>
        {
            determination.ToTable("workflow_determinations");
            determination.HasKey(d => d.Id);
            determination.Property(d => d.Rating).HasConversion<string>().HasMaxLength(24);
        });

        modelBuilder.Entity<ScheduleRun>(run =>
        {
            run.ToTable("workflow_schedule_runs");
            run.HasKey(r => r.Key);
            run.Property(r => r.Key).HasMaxLength(128);
            run.Property(r => r.Work).HasConversion<string>().HasMaxLength(32);
            run.Property(r => r.Outcome).HasMaxLength(ScheduleRun.MaxOutcomeLength);
        });

        modelBuilder.Entity<ScheduleFailure>(failure =>
        {
            failure.ToTable("workflow_schedule_failures");
            failure.HasKey(f => f.Key);
            failure.HasIndex(f => f.Year);
            failure.Property(f => f.Key).HasMaxLength(128);
            failure.Property(f => f.Work).HasConversion<string>().HasMaxLength(32);
            failure.Property(f => f.Reason).HasMaxLength(ScheduleFailure.MaxReasonLength);
            failure.Property(f => f.HoldsBack).HasMaxLength(2000);
        });

        modelBuilder.Entity<Reminder>(reminder =>
        {
            reminder.ToTable(RemindersTable);
            reminder.HasKey(r => r.Id);
            reminder.HasIndex(r => new { r.Kind, r.RecipientKey, r.Deadline, r.DaysBefore }).IsUnique();
            reminder.HasIndex(r => new { r.StaffNumber, r.Id });
            reminder.HasIndex(r => new { r.BranchCode, r.Id });
            reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            reminder.Property(r => r.Recipient).HasConversion<string>().HasMaxLength(16);
            reminder.Property(r => r.RecipientKey).HasMaxLength(48);
            reminder.Property(r => r.StaffNumber).HasMaxLength(32);
            reminder.Property(r => r.BranchCode).HasMaxLength(32);
            reminder.Property(r => r.DeliveredBy).HasMaxLength(64);
        });

        modelBuilder.Entity<CheckReport>(report =>
        {
            report.ToTable("workflow_check_reports");
            report.HasKey(r => r.Id);
            report.HasIndex(r => new { r.Year, r.Kind, r.Period, r.BranchCode }).IsUnique();
            report.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            report.Property(r => r.Period).HasMaxLength(16);
            report.Property(r => r.BranchCode).HasMaxLength(32);
        });

        modelBuilder.Entity<Opinion>(opinion =>
        {
            opinion.ToTable("workflow_opinions");
            opinion.HasKey(o => o.Id);
            opinion.HasIndex(o => o.RequestHash).IsUnique();
            opinion.HasIndex(o => o.CycleId);
            opinion.Property(o => o.Channel).HasConversion<string>().HasMaxLength(16);
            opinion.Property(o => o.Author).HasMaxLength(64);
            opinion.Property(o => o.RequestHash).HasMaxLength(64);
        });
    }
}
