using System.Net;
using System.Text.Json;
using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>Liveness apart from readiness, over plain HTTP without a token, on a host of its own (a test removes its database).</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task BothAnswerWithoutAToken_ReadinessNamingTheDatabase()
    {
        using var anyone = _service.HttpClientWith(null);

        var (live, liveBody) = await GetAsync(anyone, "/health/live");
        var (ready, readyBody) = await GetAsync(anyone, "/health/ready");

        (live, liveBody.GetProperty("status").GetString()).Should().Be((HttpStatusCode.OK, "Healthy"));
        liveBody.GetProperty("checks").EnumerateObject().Should().BeEmpty("liveness asks nothing of the database");
        (ready, readyBody.GetProperty("status").GetString()).Should().Be((HttpStatusCode.OK, "Healthy"));
        readyBody.GetProperty("checks").GetProperty("database").GetProperty("description").GetString().Should().Be("database migrated and reachable");
    }

    [SqliteOnlyFact]
    public async Task ADatabaseGoneFromUnderTheService_IsNotReady_ButTheProcessIsStillLive()
    {
        using var anyone = _service.HttpClientWith(null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(_service.DatabasePath, _service.DatabasePath + ".away");

        var (ready, readyBody) = await GetAsync(anyone, "/health/ready");
        var (live, _) = await GetAsync(anyone, "/health/live");
        var madeAnew = File.Exists(_service.DatabasePath);
        File.Move(_service.DatabasePath + ".away", _service.DatabasePath);
        var (back, _) = await GetAsync(anyone, "/health/ready");

        ready.Should().Be(HttpStatusCode.ServiceUnavailable);
        readyBody.GetProperty("checks").GetProperty("database").GetProperty("description").GetString().Should().Be("database unreachable", "an anonymous answer says that, not why");
        madeAnew.Should().BeFalse("the check made no new, empty file in the database's place");
        live.Should().Be(HttpStatusCode.OK);
        back.Should().Be(HttpStatusCode.OK, "ready again once the database is back");
    }

    [PostgreSqlOnlyFact]
    public async Task ADatabaseGoneFromTheServer_IsNotReady_ButTheProcessIsStillLive()
    {
        using var anyone = _service.HttpClientWith(null);
        var name = _service.Database.PostgreSqlName!;
        await OnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'; ALTER DATABASE {name} RENAME TO {name}_away");

        var (ready, readyBody) = await GetAsync(anyone, "/health/ready");
        var (live, _) = await GetAsync(anyone, "/health/live");
        await OnServerAsync($"CREATE DATABASE {name}");
        var (empty, _) = await GetAsync(anyone, "/health/ready");
        await OnServerAsync($"DROP DATABASE {name} WITH (FORCE)");
        await OnServerAsync($"ALTER DATABASE {name}_away RENAME TO {name}");
        var (back, _) = await GetAsync(anyone, "/health/ready");

        ready.Should().Be(HttpStatusCode.ServiceUnavailable);
        readyBody.GetProperty("checks").GetProperty("database").GetProperty("description").GetString().Should().Be("database unreachable", "an anonymous answer says that, not why");
        live.Should().Be(HttpStatusCode.OK);
        empty.Should().Be(HttpStatusCode.ServiceUnavailable, "a database made anew, empty, under the running service is not the migrated one");
        back.Should().Be(HttpStatusCode.OK, "ready again once the database is back");
    }

    [PostgreSqlOnlyFact]
    public async Task ConnectionsCutByTheServer_AreUnavailable_NotAnInternalError_AndTheRetryWorks()
    {
        var members = new Chuangji.Members.V1.MembersService.MembersServiceClient(_service.Channel);
        await members.ListBranchesAsync(new Chuangji.Members.V1.ListBranchesRequest());
        await OnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_service.Database.PostgreSqlName}'");

        Grpc.Core.StatusCode first;
        try
        {
            await members.ListBranchesAsync(new Chuangji.Members.V1.ListBranchesRequest());
            first = Grpc.Core.StatusCode.OK;
        }
        catch (Grpc.Core.RpcException refused)
        {
            first = refused.StatusCode;
        }

        first.Should().BeOneOf([Grpc.Core.StatusCode.OK, Grpc.Core.StatusCode.Unavailable], "a pooled connection the server cut is the database's outage, which a retry may outlast");
        await members.ListBranchesAsync(new Chuangji.Members.V1.ListBranchesRequest());
    }

    private static async Task OnServerAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.Server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
