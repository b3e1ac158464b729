using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Chuangji.Workflow.Modules.Assessment.Persistence;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.BuildingBlocks.Grpc;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Host.Security;

/// <summary>
/// A module's housekeeping inside a call (storing a year's default table, bringing cycles in step with the
/// roster) is declared with <c>AuditScope.Housekeeping</c>: its commit is not the call's change, so the call's
/// record waits for the change itself, and a read stays unrecorded (docs/adr/0015-audit-rides-the-commit.md).
/// Through the real host: were the housekeeping to carry the record, a refused call would leave an "OK" beside
/// its refusal.
/// </summary>
public sealed class AuditHousekeepingTests : IAsyncLifetime
{
    private const string RecordEvent = "chuangji.assessment.v1.AssessmentService/RecordEvent";
    private const string SubmitCommitment = "chuangji.workflow.v1.WorkflowService/SubmitCommitment";

    private TestService _service = null!;

    private AssessmentService.AssessmentServiceClient Assessment => new(_service.Channel);

    private WorkflowService.WorkflowServiceClient Cycles => new(_service.Channel);

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        var members = await new MembersService.MembersServiceClient(_service.Channel).WithBranchesAsync("B01");
        await members.ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1002", "B01") } });
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task AChange_AfterTheYearsDefaultTableIsStored_IsRecordedOnce()
    {
        (await RubricVersionsAsync(2026)).Should().Be(0, "no call has asked for 2026's table yet");

        await Assessment.RecordEventAsync(Late("T1002", "first-of-the-year"));

        (await RubricVersionsAsync(2026)).Should().Be(1, "the call stored the year's default table before its fact");
        (await OutcomesAsync(RecordEvent)).Should().Equal("OK");
    }

    [Fact]
    public async Task ACallRefusedAfterTheYearsDefaultTableIsStored_IsRecordedOnlyAsRefused()
    {
        var refused = await Assessment.RecordEventAsync(Late("T1002", "no-such-kind", kind: "NO_SUCH_KIND"))
            .ResponseAsync.Invoking(c => c).Should().ThrowAsync<RpcException>();

        (await RubricVersionsAsync(2026)).Should().Be(1, "the table was stored before the kind was looked up in it");
        (await OutcomesAsync(RecordEvent)).Should().Equal(DomainStatus(refused.Which.StatusCode));
    }

    [Fact]
    public async Task CallsThatFirstBringCyclesInStepWithTheRoster_AreRecordedOnce_AndReadsNotAtAll()
    {
        await Cycles.OpenYearAsync(new OpenYearRequest { Year = 2026 });
        var members = new MembersService.MembersServiceClient(_service.Channel);
        await members.RegisterMemberAsync(new RegisterMemberRequest { Member = MembersFixtures.Registration("T1003", "B01") });

        // The member registered after the year opened gets a cycle on the call's way in, and then the call is refused.
        var refused = await Cycles.SubmitCommitmentAsync(Commitment("T1003", expectedVersion: 99))
            .ResponseAsync.Invoking(c => c).Should().ThrowAsync<RpcException>();
        (await OutcomesAsync(SubmitCommitment)).Should().Equal(DomainStatus(refused.Which.StatusCode));

        await members.RegisterMemberAsync(new RegisterMemberRequest { Member = MembersFixtures.Registration("T1004", "B01") });
        var before = await OutcomesAsync(null);
        (await Cycles.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1004" })).Cycle.StaffNumber.Should().Be("T1004");
        (await OutcomesAsync(null)).Should().Equal(before, "a read that brings cycles in step is still a read");

        await members.RegisterMemberAsync(new RegisterMemberRequest { Member = MembersFixtures.Registration("T1005", "B01") });
        await Cycles.SubmitCommitmentAsync(Commitment("T1005"));
        (await OutcomesAsync(SubmitCommitment)).Should().Equal(DomainStatus(refused.Which.StatusCode), "OK");
    }

    private static string DomainStatus(StatusCode code) => DomainErrorStatus.CanonicalName(code);

    private static SubmitCommitmentRequest Commitment(string staffNumber, long? expectedVersion = null)
    {
        var request = new SubmitCommitmentRequest { Year = 2026, StaffNumber = staffNumber, Commitment = "按时参加组织生活" };
        if (expectedVersion is { } version)
        {
            request.ExpectedVersion = version;
        }

        return request;
    }

    private static RecordEventRequest Late(string staffNumber, string requestId, string kind = "MEETING_LATE") =>
        new() { Fact = new FactInput { StaffNumber = staffNumber, Kind = kind, OccurredOn = "2026-03-01", Count = 1, RequestId = requestId } };

    /// <summary>The outcomes of the records of one RPC (of every RPC when null), oldest first.</summary>
    private async Task<List<string>> OutcomesAsync(string? rpc)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Rpc, Outcome FROM {_service.Database.Table("audit", "audit_records")}" + (rpc is null ? string.Empty : " WHERE Rpc = @rpc") + " ORDER BY Id";
        if (rpc is not null)
        {
            command.With("@rpc", rpc);
        }

        var outcomes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            outcomes.Add(rpc is null ? $"{reader.GetString(0)} {reader.GetString(1)}" : reader.GetString(1));
        }

        return outcomes;
    }

    private async Task<long> RubricVersionsAsync(int year)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AssessmentDbContext>().RubricVersions.LongCountAsync(v => v.Year == year);
    }

    private Task<System.Data.Common.DbConnection> OpenAsync() => _service.Database.OpenAsync();
}
