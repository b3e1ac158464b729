using Chuangji.Workflow.BuildingBlocks.Persistence;

namespace Chuangji.Workflow.Modules.Assessment.Persistence;

internal sealed class DesignTimePostgreSqlAssessmentDbContextFactory()
    : ModulePostgreSqlDesignTimeDbContextFactory<PostgreSqlAssessmentDbContext>(AssessmentDbContext.Schema, options => new PostgreSqlAssessmentDbContext(options));
