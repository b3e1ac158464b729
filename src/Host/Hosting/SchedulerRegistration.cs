using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Workflow;
using Quartz;

namespace Chuangji.Workflow.Host.Hosting;

/// <summary>
/// The Host's one scheduler: Quartz with its job store in the service's own SQLite file (tables created
/// at first start), on the service's clock (TimeProvider, faked in tests), modules contributing their jobs.
/// Triggers carry absolute instants computed in the college's time zone, so Quartz needs none of its own.
/// </summary>
internal static class SchedulerRegistration
{
    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder, SqliteDatabase database)
    {
        var connectionString = database.ConnectionString;
        builder.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(connectionString);
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
            quartz.AddWorkflowJobs();
        });
        builder.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }
}
