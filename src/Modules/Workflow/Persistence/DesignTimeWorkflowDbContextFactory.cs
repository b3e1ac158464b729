using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Workflow.Persistence;

internal sealed class DesignTimeWorkflowDbContextFactory()
    : ModuleDesignTimeDbContextFactory<WorkflowDbContext>(WorkflowDbContext.Module, options => new WorkflowDbContext(options));
