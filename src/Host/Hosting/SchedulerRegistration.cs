using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Workflow;
using Quartz;

namespace Chuangji.Workflow.Host.Hosting;

/// <summary>
/// The Host's one scheduler: Quartz with its job store in the service's own database (tables created at first start),
/// on the service's clock (TimeProvider, faked in tests), modules contributing their jobs. Triggers carry absolute
/// instants computed in the college's time zone, so Quartz needs none of its own. On PostgreSQL the store is clustered:
/// every instance runs a scheduler, each trigger fires on one of them, and a stopped instance's work is taken over.
/// </summary>
internal static class SchedulerRegistration
{
    /// <summary>Quartz's tables on PostgreSQL: in a schema of their own, beside the modules'.</summary>
    public const string PostgreSqlSchema = "quartz";

    public static WebApplicationBuilder AddScheduler(this WebApplicationBuilder builder, ServiceDatabase database)
    {
        var connectionString = database.ConnectionString;
        builder.AddQuartz(quartz =>
        {
            if (database.IsPostgreSql)
            {
                // Every instance of the cluster has the same scheduler name and an id of its own. (SQLite keeps Quartz's
                // default name: the triggers already stored in colleges' files are filed under it.)
                quartz.ConfigureScheduler(scheduler =>
                {
                    scheduler.InstanceName = "chuangji-workflow";
                    scheduler.GenerateInstanceId = true;
                });
            }
            quartz.UsePersistentStore(store =>
            {
                if (database.IsPostgreSql)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                store.ConfigureStore(options =>
                {
                    if (database.IsPostgreSql)
                    {
                        options.TablePrefix = $"{PostgreSqlSchema}.qrtz_";
                    }

                    // A trigger is never "misfired": fired late (after a restart, a busy minute, a clock moved on), it
                    // fires now all the same, on the acquiring thread. The work it starts is a catch-up that does
                    // whatever is due, so lateness needs no handling of its own, and a misfire left to Quartz's
                    // periodic handler could wait up to its interval before anything ran.
                    options.MisfireThreshold = TimeSpan.FromDays(3650);
                    options.MisfireHandlerFrequency = TimeSpan.FromMinutes(1);
                });
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
            });
            quartz.AddWorkflowJobs();
        });
        builder.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }
}
