using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Members.Persistence;

internal sealed class DesignTimePostgreSqlMembersDbContextFactory()
    : ModulePostgreSqlDesignTimeDbContextFactory<PostgreSqlMembersDbContext>(MembersDbContext.Schema, options => new PostgreSqlMembersDbContext(options));
