using Chuangji.Workflow.Modules.Members.Domain;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Persistence;

/// <summary>
/// The module's model, which its handlers use. Each provider has a context of its own derived from it, for which its
/// migrations are made: <see cref="SqliteMembersDbContext"/> (Migrations/) and <see cref="PostgreSqlMembersDbContext"/> (PostgreSqlMigrations/).
/// </summary>
internal abstract class MembersDbContext(DbContextOptions options) : DbContext(options)
{

    public const string Module = "Members";

    /// <summary>The module's schema on PostgreSQL.</summary>
    public const string Schema = "members";

    public DbSet<Branch> Branches => Set<Branch>();

    public DbSet<Member> Members => Set<Member>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Branch>(branch =>
        {
            branch.ToTable("members_branches");
            branch.HasKey(b => b.Code);
            branch.Property(b => b.Code).HasMaxLength(32);
            branch.Property(b => b.Name).HasMaxLength(64);
            branch.Property(b => b.SecretaryName).HasMaxLength(64);
            branch.Property(b => b.SecretaryStaffNumber).HasMaxLength(32);
            branch.Property(b => b.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Member>(member =>
        {
            member.ToTable("members_members");
            member.HasKey(m => m.Id);
            member.Property(m => m.StaffNumber).HasMaxLength(32);
            member.HasIndex(m => m.StaffNumber).IsUnique();
            member.Property(m => m.Name).HasMaxLength(64);
            member.Property(m => m.BranchCode).HasMaxLength(32);
            member.HasIndex(m => new { m.BranchCode, m.StaffNumber });
            member.HasOne<Branch>().WithMany().HasForeignKey(m => m.BranchCode).OnDelete(DeleteBehavior.Restrict);
            member.Property(m => m.Category).HasConversion<string>().HasMaxLength(16);
            member.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            member.Property(m => m.Specialty).HasMaxLength(200);
            member.Property(m => m.Version).IsConcurrencyToken();
            member.HasMany(m => m.History).WithOne().HasForeignKey(h => h.MemberId).OnDelete(DeleteBehavior.Cascade);
            member.Navigation(m => m.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<BranchMembership>(history =>
        {
            history.ToTable("members_branch_memberships");
            history.HasKey(h => h.Id);
            history.Property(h => h.BranchCode).HasMaxLength(32);
            history.HasOne<Branch>().WithMany().HasForeignKey(h => h.BranchCode).OnDelete(DeleteBehavior.Restrict);
            history.Property(h => h.Note).HasMaxLength(200);
            history.HasIndex(h => new { h.MemberId, h.FromDate });
        });
    }
}
