using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Workflow.Persistence;

internal sealed class DesignTimePostgreSqlWorkflowDbContextFactory()
    : ModulePostgreSqlDesignTimeDbContextFactory<PostgreSqlWorkflowDbContext>(WorkflowDbContext.Schema, options => new PostgreSqlWorkflowDbContext(options));
