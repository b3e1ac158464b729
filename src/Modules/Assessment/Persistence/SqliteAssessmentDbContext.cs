using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Assessment.Persistence;

/// <summary>The module's model in the embedded SQLite file: the context SQLite's migrations (Migrations/) are made for.</summary>
internal sealed class SqliteAssessmentDbContext(DbContextOptions<SqliteAssessmentDbContext> options) : AssessmentDbContext(options);
