using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>States a running service expects (a start before its migrations, a race it resolves itself) are not errors in its log.</summary>
public sealed class ExpectedStatesTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task TheFirstCallsOfAYear_RacingToStoreItsTable_LogNoError_AndStoreOneVersion()
    {
        var members = await new MembersService.MembersServiceClient(_service.Channel).WithBranchesAsync("B01");
        var roster = Enumerable.Range(1, 16).Select(i => MembersFixtures.Registration($"T{3000 + i}", "B01")).ToList();
        await members.ImportMembersAsync(new ImportMembersRequest { Members = { roster } });
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);

        var calls = roster.Select(m => assessment.RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = m.StaffNumber, Kind = "MEETING_LATE", OccurredOn = "2025-03-01", RequestId = $"race-{m.StaffNumber}" },
        }).ResponseAsync);
        var recorded = await Task.WhenAll(calls);

        recorded.Should().HaveCount(16).And.OnlyContain(r => r.Fact.FactId > 0);
        (await assessment.GetRubricAsync(new GetRubricRequest { Year = 2025 })).Rubric.Version.Should().Be(1);
        _service.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty();
    }

    [Fact]
    public void HealthCheckResults_BeforeTheMigrations_AreNotLoggedAsErrors()
    {
        var logger = _service.Services.GetRequiredService<ILoggerFactory>().CreateLogger(PlatformRegistration.HealthCheckResultsCategory);

        logger.IsEnabled(LogLevel.Error).Should().BeFalse("\"database not migrated yet\" is every start's expected state");
        _service.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Chuangji.Workflow.Host.Database.DatabaseStartup").IsEnabled(LogLevel.Error)
            .Should().BeTrue("a migration that fails is still an error");
    }
}
