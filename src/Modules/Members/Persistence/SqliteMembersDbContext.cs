using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Members.Persistence;

/// <summary>The module's model in the embedded SQLite file: the context SQLite's migrations (Migrations/) are made for.</summary>
internal sealed class SqliteMembersDbContext(DbContextOptions<SqliteMembersDbContext> options) : MembersDbContext(options);
