using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Workflow.Persistence;

internal sealed class DesignTimeWorkflowDbContextFactory()
    : ModuleDesignTimeDbContextFactory<SqliteWorkflowDbContext>(WorkflowDbContext.Module, options => new SqliteWorkflowDbContext(options));
