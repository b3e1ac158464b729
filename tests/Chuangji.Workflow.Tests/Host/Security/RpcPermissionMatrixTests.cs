using System.Collections;
using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Domain = Chuangji.Workflow.Modules.Workflow.Domain.Checks;

namespace Chuangji.Workflow.Tests.Host.Security;

/// <summary>
/// Every cell of docs/security.md's table, through the real host: each RPC called by each kind of caller on
/// a request about their own member or branch, or another's. A cell is kept when the call is refused
/// with PERMISSION_DENIED exactly where the table says ✗ (whatever else the handler then answers).
/// B01 has T1002 (the member; its secretary T1001), B02 has T2001.
/// </summary>
[RunsLong]
public sealed class RpcPermissionMatrixTests : IAsyncLifetime
{
    private TestService _service = null!;
    private readonly Dictionary<bool, long> _facts = [];
    private readonly Dictionary<bool, long> _reports = [];

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        var members = await new MembersService.MembersServiceClient(_service.Channel).WithBranchesAsync("B01", "B02");
        await members.ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1002", "B01"), MembersFixtures.Registration("T2001", "B02") } });
        await new WorkflowService.WorkflowServiceClient(_service.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        foreach (var (own, staffNumber) in new[] { (true, "T1002"), (false, "T2001") })
        {
            var fact = await assessment.RecordEventAsync(new RecordEventRequest
            {
                Fact = new FactInput { StaffNumber = staffNumber, Kind = "MEETING_LATE", OccurredOn = "2026-03-01", Count = 1, RequestId = $"matrix-{staffNumber}" },
            });
            _facts[own] = fact.Fact.FactId;
        }

        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        foreach (var (own, branch) in new[] { (true, "B01"), (false, "B02") })
        {
            var report = new Domain.CheckReport { Year = 2026, Kind = Domain.CheckKind.Quarterly, Period = "2026-Q1", BranchCode = branch, Findings = """{"members":[],"branches":[]}""" };
            db.CheckReports.Add(report);
            await db.SaveChangesAsync();
            _reports[own] = report.Id;
        }
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task EveryCellOfTheTable_HoldsForEveryRpc()
    {
        var table = SecurityTable.Read();
        var wrong = new List<string>();
        foreach (var method in SecurityDocumentTests.EveryRpc())
        {
            var rpc = $"{method.Service.FullName}/{method.Name}";
            table.Should().ContainKey(rpc, "docs/security.md must have a row for every RPC");
            var cells = table[rpc];
            await CheckAsync(wrong, rpc, "member: own", cells[0], Token(CallerRole.Member, "T1002"), method, own: true);
            await CheckAsync(wrong, rpc, "member: another's", cells[1], Token(CallerRole.Member, "T1002"), method, own: false);
            await CheckAsync(wrong, rpc, "secretary: own branch", cells[2], Token(CallerRole.Secretary, "T1001", "B01"), method, own: true);
            await CheckAsync(wrong, rpc, "secretary: another branch", cells[3], Token(CallerRole.Secretary, "T1001", "B01"), method, own: false);
            await CheckAsync(wrong, rpc, "leadership", cells[4], _service.TokenFor(TestService.Leadership), method, own: true);
            foreach (var (scopes, allowed) in SystemCases(cells[5]))
            {
                await CheckAsync(wrong, rpc, $"system [{string.Join(' ', scopes)}]", allowed ? "✓" : "✗", Token(CallerRole.System, "campus-system", scopes: scopes), method, own: true);
            }
        }

        wrong.Should().BeEmpty();
    }

    [Fact]
    public async Task WithoutAToken_EveryRpcIsUnauthenticated()
    {
        var answered = new List<string>();
        foreach (var method in SecurityDocumentTests.EveryRpc())
        {
            var status = await CallAsync(null, method, own: true);
            if (status != StatusCode.Unauthenticated)
            {
                answered.Add($"{method.FullName}: {status}");
            }
        }

        answered.Should().BeEmpty();
    }

    [Fact]
    public async Task ARefusal_SaysWhoWasRefusedAndWhy_AndChangesNothing()
    {
        using var channel = _service.ChannelWith(Token(CallerRole.Secretary, "T1001", "B01"));
        var assessment = new AssessmentService.AssessmentServiceClient(channel);

        var error = await assessment.RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = "T2001", Kind = "MEETING_LATE", OccurredOn = "2026-03-02", Count = 1, RequestId = "foreign" },
        }).ShouldFailWith(StatusCode.PermissionDenied);

        error.Status.Detail.Should().Be("the secretary of branch B01 may not call chuangji.assessment.v1.AssessmentService/RecordEvent: a secretary acts within branch B01, and this concerns branch B02");
        error.ErrorInfo()!.Reason.Should().Be("NOT_PERMITTED");
        var facts = await new AssessmentService.AssessmentServiceClient(_service.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T2001" });
        facts.Facts.Select(f => f.RequestId).Should().Equal("matrix-T2001");
    }

    [Fact]
    public async Task ASecretary_CannotLearnAnotherBranchsMembersByRegisteringThemIntoTheirOwn()
    {
        using var channel = _service.ChannelWith(Token(CallerRole.Secretary, "T1001", "B01"));
        var members = new MembersService.MembersServiceClient(channel);

        var single = await members.RegisterMemberAsync(new RegisterMemberRequest { Member = MembersFixtures.Registration("T2001", "B01", name: "x") })
            .ShouldFailWith(StatusCode.PermissionDenied);
        await members.ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1099", "B01"), MembersFixtures.Registration("T2001", "B01") } })
            .ShouldFailWith(StatusCode.PermissionDenied);

        single.Status.Detail.Should().Contain("this concerns branch B02").And.NotContain("registered as");
        await members.RegisterMemberAsync(new RegisterMemberRequest { Member = MembersFixtures.Registration("T1099", "B01") });
    }

    [Fact]
    public async Task FactRequestIds_NeitherRevealAnotherMembersFact_NorTakeTheSchemesOwn()
    {
        using var channel = _service.ChannelWith(Token(CallerRole.Secretary, "T1001", "B01"));
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        FactInput Fact(string requestId) => new() { StaffNumber = "T1002", Kind = "MEETING_LATE", OccurredOn = "2026-03-05", Count = 1, Note = "own", RequestId = requestId };

        var own = (await assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("matrix-T2001") })).Fact;
        var reserved = await assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("workflow/no-commitment/2026/T2001") }).ShouldFailWith(StatusCode.InvalidArgument);

        (own.StaffNumber, own.Note).Should().Be(("T1002", "own"), "request ids are per member: another member's id neither blocks nor reveals anything");
        reserved.ViolatedFields().Should().Equal("fact.request_id");
        var theirs = await new AssessmentService.AssessmentServiceClient(_service.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T2001" });
        theirs.Facts.Should().ContainSingle().Which.FactId.Should().Be(_facts[false]);
    }

    /// <summary>"facts, reports": each listed scope alone is let in, every other scope together is not; "✗": not even all of them.</summary>
    private static IEnumerable<(string[] Scopes, bool Allowed)> SystemCases(string cell)
    {
        if (cell == "✗")
        {
            return [(SystemScopes.All.ToArray(), false)];
        }

        var granting = cell == "any scope" ? SystemScopes.All.ToArray() : cell.Split(',', StringSplitOptions.TrimEntries);
        var others = SystemScopes.All.Except(granting).ToArray();
        var cases = granting.Select(scope => (new[] { scope }, true)).ToList();
        if (others.Length > 0)
        {
            cases.Add((others, false));
        }

        return cases;
    }

    private async Task CheckAsync(List<string> wrong, string rpc, string column, string cell, string token, MethodDescriptor method, bool own)
    {
        var status = await CallAsync(token, method, own);
        var denied = status is StatusCode.PermissionDenied or StatusCode.Unauthenticated;
        if (denied != (cell == "✗") || status == StatusCode.Internal)
        {
            wrong.Add($"{rpc} as {column}: the table says {cell}, the service answered {status}");
        }
    }

    private string Token(CallerRole role, string subject, string? branch = null, IReadOnlyList<string>? scopes = null) =>
        _service.TokenFor(new TokenRequest(role, subject, branch, scopes ?? [], TimeSpan.FromHours(1)));

    private async Task<StatusCode> CallAsync(string? token, MethodDescriptor method, bool own)
    {
        using var channel = _service.ChannelWith(token);
        var invoker = channel.CreateCallInvoker();
        var call = new Method<IMessage, IMessage>(
            method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
            method.Service.FullName,
            method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
        var request = Request(method, own);
        try
        {
            if (method.IsServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2)), request);
                await stream.ResponseStream.MoveNext(CancellationToken.None);
            }
            else
            {
                await invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request);
            }

            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }

    /// <summary>A request about the own member and branch (T1002, B01) or another's (T2001, B02): every field that names one is set.</summary>
    private IMessage Request(MethodDescriptor method, bool own)
    {
        var request = (IMessage)Activator.CreateInstance(method.InputType.ClrType)!;
        Fill(request, own, method.Name == "GetCheckReport" ? _reports[own] : 1);
        return request;
    }

    private void Fill(IMessage message, bool own, long id)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            object? value = field.Name switch
            {
                "year" => 2026,
                "staff_number" => own ? "T1002" : "T2001",
                "branch_code" or "code" => own ? "B01" : "B02",
                "fact_id" => _facts[own],
                "id" => id,
                _ => null,
            };
            if (value is not null && !field.IsRepeated)
            {
                field.Accessor.SetValue(message, value);
            }
            else if (field.FieldType == FieldType.Message && Names(field.MessageType))
            {
                var nested = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                Fill(nested, own, id);
                if (field.IsRepeated)
                {
                    ((IList)field.Accessor.GetValue(message)).Add(nested);
                }
                else
                {
                    field.Accessor.SetValue(message, nested);
                }
            }
        }
    }

    private static bool Names(MessageDescriptor type) =>
        type.FindFieldByName("staff_number") is not null || type.FindFieldByName("branch_code") is not null;
}
