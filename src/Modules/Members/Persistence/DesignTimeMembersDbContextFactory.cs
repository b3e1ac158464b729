using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Members.Persistence;

internal sealed class DesignTimeMembersDbContextFactory()
    : ModuleDesignTimeDbContextFactory<MembersDbContext>(MembersDbContext.Module, options => new MembersDbContext(options));
