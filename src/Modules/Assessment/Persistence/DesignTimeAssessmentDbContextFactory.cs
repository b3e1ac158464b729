using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Assessment.Persistence;

internal sealed class DesignTimeAssessmentDbContextFactory()
    : ModuleDesignTimeDbContextFactory<AssessmentDbContext>(AssessmentDbContext.Module, options => new AssessmentDbContext(options));
