using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Members.Persistence;

internal sealed class DesignTimeMembersDbContextFactory()
    : ModuleDesignTimeDbContextFactory<SqliteMembersDbContext>(MembersDbContext.Module, options => new SqliteMembersDbContext(options));
