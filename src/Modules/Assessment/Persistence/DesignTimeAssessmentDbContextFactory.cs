using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Assessment.Persistence;

internal sealed class DesignTimeAssessmentDbContextFactory()
    : ModuleDesignTimeDbContextFactory<SqliteAssessmentDbContext>(AssessmentDbContext.Module, options => new SqliteAssessmentDbContext(options));
