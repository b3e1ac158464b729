using System.Diagnostics.Metrics;
using Chuangji.Members.V1;
using Chuangji.Workflow.BuildingBlocks.Telemetry;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Chuangji.Workflow.Tests.Host.Telemetry;

/// <summary>
/// Every call's duration by method and final status (issue 15), read from this host's meter only: the test college
/// (B01: T1002, T1003, retired R2001; B02: T2001).
/// </summary>
public sealed class RpcMetricsTests : IAsyncLifetime
{
    private const string Members = "/chuangji.members.v1.MembersService/";

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartSeededAsync(MembersFixtures.TestCollege(TestService.DefaultStart));

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task UnaryCalls_AreMeasured_ByMethodAndTheStatusTheCallerReceived()
    {
        using var durations = Durations();
        var leadership = new MembersService.MembersServiceClient(_service.Channel);
        using var memberChannel = _service.ChannelWith(MemberToken("T1002"));
        var member = new MembersService.MembersServiceClient(memberChannel);

        await leadership.GetMemberAsync(new GetMemberRequest { StaffNumber = "T1002" });
        await leadership.GetMemberAsync(new GetMemberRequest { StaffNumber = "T9999" }).ShouldFailWith(StatusCode.NotFound);
        await member.CreateBranchAsync(new CreateBranchRequest { Code = "B03", Name = "第三党支部" }).ShouldFailWith(StatusCode.PermissionDenied);

        Calls(durations).Should().Equal(
            (Members + "GetMember", "OK"),
            (Members + "GetMember", "NOT_FOUND"),
            (Members + "CreateBranch", "PERMISSION_DENIED"));
        durations.GetMeasurementSnapshot().Should().OnlyContain(m => m.Value > 0, "each is a duration in seconds");
    }

    [Fact]
    public async Task AServerStream_TheAuthorizationRefused_IsMeasuredWithItsRefusal()
    {
        using var durations = Durations();
        using var memberChannel = _service.ChannelWith(MemberToken("T1002"));
        using var stream = new ReminderService.ReminderServiceClient(memberChannel).WatchReminders(new WatchRemindersRequest());

        await stream.ResponseStream.MoveNext(CancellationToken.None).ShouldFailWith(StatusCode.PermissionDenied);

        Calls(durations).Should().Equal(("/chuangji.workflow.v1.ReminderService/WatchReminders", "PERMISSION_DENIED"));
    }

    [Fact]
    public async Task AnHttpJsonCall_IsMeasuredUnderItsRpc()
    {
        using var durations = Durations();
        using var http = _service.HttpClientWith(_service.TokenFor(TestService.Leadership));

        using var response = await http.GetAsync(new Uri("/v1/members/T1003", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Calls(durations).Should().Equal((Members + "GetMember", "OK"));
    }

    private MetricCollector<double> Durations() =>
        new(_service.Services.GetRequiredService<IMeterFactory>(), ServiceMetrics.MeterName, ServiceMetrics.RpcDurationName);

    private string MemberToken(string staffNumber) =>
        _service.TokenFor(new TokenRequest(CallerRole.Member, staffNumber, null, [], TimeSpan.FromHours(1)));

    private static List<(string Method, string Status)> Calls(MetricCollector<double> durations) =>
        durations.GetMeasurementSnapshot().Select(m => ((string)m.Tags["rpc.method"]!, (string)m.Tags["rpc.grpc.status_code"]!)).ToList();
}
