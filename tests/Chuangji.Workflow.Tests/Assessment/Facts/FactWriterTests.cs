using System.Diagnostics.Metrics;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Assessment.Facts;

public sealed class FactWriterTests
{
    private static NewFact AFact(string requestId) =>
        new(1, "T1002", 2026, "MEETING_ABSENCE", new DateOnly(2026, 3, 1), 1, null, "", "test", requestId, 1);

    [Fact]
    public async Task WriteAsync_WhenTheDatabaseCannotBeOpened_FailsEachBatchAndKeepsAnswering()
    {
        await using var writer = new FactWriter(ServiceDatabase.Sqlite("Data Source=/nonexistent-directory/chuangji.db;Mode=ReadWrite"), TimeProvider.System,
            new ServiceMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()));

        // A writer that stopped answering would hang the suite; the 30 s bound turns that into a failure.
        var first = () => writer.WriteAsync([AFact("a")]).WaitAsync(TimeSpan.FromSeconds(30));
        var second = () => writer.WriteAsync([AFact("b")]).WaitAsync(TimeSpan.FromSeconds(30));

        await first.Should().ThrowAsync<SqliteException>();
        await second.Should().ThrowAsync<SqliteException>();
    }
}
