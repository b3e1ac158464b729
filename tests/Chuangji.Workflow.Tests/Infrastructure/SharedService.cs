namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// One host for all the tests of a class (<c>IClassFixture</c>): only for classes whose tests cannot see each
/// other's data (each reads, or is refused, or uses its own records), never move the clock, restart the host,
/// count global rows or depend on ids. xunit runs a class's tests one after another, never side by side.
/// </summary>
public class SharedService : IAsyncLifetime
{
    public TestService Service { get; private set; } = null!;

    /// <summary>Whether the host starts on an empty file instead of the migrated template.</summary>
    protected virtual bool EmptyDatabase => false;

    /// <summary>Where the fake clock starts (the default when null); it can only move forward from there.</summary>
    protected virtual DateTimeOffset? Start => null;

    public async Task InitializeAsync()
    {
        Service = await TestService.StartAsync(start: Start, emptyDatabase: EmptyDatabase);
        await SeedAsync(Service);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    /// <summary>What every test of the class finds in place.</summary>
    protected virtual Task SeedAsync(TestService service) => Task.CompletedTask;
}
