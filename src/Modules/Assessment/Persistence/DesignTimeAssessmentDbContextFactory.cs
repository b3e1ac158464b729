using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Assessment.Persistence;

internal sealed class DesignTimeAssessmentDbContextFactory()
    : ModuleDesignTimeDbContextFactory<AssessmentDbContext>(AssessmentDbContext.Module, options => new AssessmentDbContext(options));
