using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Workflow.Persistence;

internal sealed class DesignTimeWorkflowDbContextFactory()
    : ModuleDesignTimeDbContextFactory<WorkflowDbContext>(WorkflowDbContext.Module, options => new WorkflowDbContext(options));
