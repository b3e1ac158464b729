using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Persistence;

/// <summary>The module's model in its own PostgreSQL schema: the context PostgreSQL's migrations (PostgreSqlMigrations/) are made for.</summary>
internal sealed class PostgreSqlAssessmentDbContext(DbContextOptions<PostgreSqlAssessmentDbContext> options) : AssessmentDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
    }
}
