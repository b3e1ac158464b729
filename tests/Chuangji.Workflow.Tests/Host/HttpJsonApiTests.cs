using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chuangji.Assessment.V1;
using Chuangji.Audit.V1;
using Chuangji.Documents.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>
/// Every RPC over HTTP/JSON on its google.api.http route, listed in the OpenAPI document, through the same token,
/// policy and audit as over gRPC: the test college (B01: T1002, T1003, retired R2001; B02: T2001), 2026 not opened.
/// </summary>
public sealed partial class HttpJsonApiTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<ServiceDescriptor> Services =
    [
        .. MembersReflection.Descriptor.Services, .. AssessmentReflection.Descriptor.Services, .. WorkflowReflection.Descriptor.Services,
        .. ChecksReflection.Descriptor.Services, .. RemindersReflection.Descriptor.Services, .. DocumentsReflection.Descriptor.Services,
        .. AuditReflection.Descriptor.Services, .. Chuangji.Access.V1.AccessReflection.Descriptor.Services,
    ];

    private static readonly IReadOnlyList<MethodDescriptor> Rpcs = Services.SelectMany(s => s.Methods).ToList();

    /// <summary>Reads a refusal's body with the detail types the service attaches.</summary>
    private static readonly Google.Protobuf.JsonParser StatusJson = new(Google.Protobuf.JsonParser.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(
        Google.Rpc.BadRequest.Descriptor, Google.Rpc.ErrorInfo.Descriptor, Google.Rpc.PreconditionFailure.Descriptor, Google.Rpc.ResourceInfo.Descriptor)));

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartSeededAsync(MembersFixtures.TestCollege(TestService.DefaultStart));

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public void EveryRpc_HasAnHttpRule()
    {
        Rpcs.Should().HaveCount(52, "the eight services have 52 RPCs between them");
        Rpcs.Where(m => Rule(m) is null).Select(m => m.FullName).Should().BeEmpty("every RPC is reachable over HTTP/JSON");
    }

    [Fact]
    public async Task TheOpenApiDocument_ListsEveryRpc_OnItsRoute_NamedAfterIt_WithItsProtoComment()
    {
        using var http = _service.HttpClientWith(null);
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the API's description needs no token");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(verb => (Path: path.Name, Verb: verb.Name, Operation: verb.Value)))
            .ToList();
        operations.Should().HaveCount(Rpcs.Count, "one operation per RPC, nothing else");
        foreach (var rpc in Rpcs)
        {
            var (verb, path) = VerbAndPath(Rule(rpc)!);
            var listed = operations.Where(o => o.Path == OpenApiPath(path) && o.Verb == verb).ToList();
            listed.Should().ContainSingle($"{rpc.FullName} is {verb} {path}");
            listed[0].Operation.GetProperty("operationId").GetString().Should().Be($"{rpc.Service.Name}_{rpc.Name}");
            listed[0].Operation.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace($"{rpc.FullName} is described by its proto comment");
        }

        var getMember = operations.Single(o => o.Operation.GetProperty("operationId").GetString() == "MembersService_GetMember");
        getMember.Operation.GetProperty("summary").GetString().Should().Be("Reads one member, with the history of the branches it belonged to.");
        document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().Should().Be("bearer");
    }

    [Fact]
    public async Task EveryRpc_AnswersOnItsRoute_AsTheServiceAnswers_NeverAsAnUnknownRoute()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(TestService.Leadership));
        foreach (var rpc in Rpcs)
        {
            var (verb, path) = VerbAndPath(Rule(rpc)!);
            using var request = new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), Filled(path));
            if (Rule(rpc)!.Body.Length > 0)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            var because = $"{rpc.FullName} answers {verb} {path}";
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/json", because);
            if (rpc.IsServerStreaming && response.IsSuccessStatusCode)
            {
                continue; // WatchReminders stays open; that it answered 200 with JSON is the point.
            }

            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel.Token)).RootElement;
            if (!response.IsSuccessStatusCode)
            {
                var code = (Grpc.Core.StatusCode)body.GetProperty("code").GetInt32();
                code.Should().NotBe(Grpc.Core.StatusCode.Unimplemented, because).And.NotBe(Grpc.Core.StatusCode.Internal, because).And.NotBe(Grpc.Core.StatusCode.Unknown, because);
                body.GetProperty("message").GetString().Should().NotBeNullOrEmpty(because);
            }
        }
    }

    [Fact]
    public async Task AScorecard_ReadsOverHttp_AsGetScorecardAnswersIt()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(TestService.Leadership));

        var json = await http.GetStringAsync(new Uri("/v1/years/2026/members/T1002/scorecard", UriKind.Relative));

        var scorecard = Google.Protobuf.JsonParser.Default.Parse<GetScorecardResponse>(json).Scorecard;
        var expected = (await new AssessmentService.AssessmentServiceClient(_service.Channel).GetScorecardAsync(new GetScorecardRequest { Year = 2026, StaffNumber = "T1002" })).Scorecard;
        scorecard.AsOf = expected.AsOf;
        scorecard.Should().Be(expected);
        scorecard.TotalScore.Should().Be("97", "on 2026-11-25 the first half is judged: no thought report, 100 − 3");
    }

    [Fact]
    public async Task AFact_RecordedOverHttp_CountsOnceWhenRetried_AndIsAuditedUnderTheCaller()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromHours(1))));
        var fact = new { fact = new { staffNumber = "T1002", kind = "DUES_LATE", occurredOn = "2026-03-01", requestId = "http-dues-1" } };

        using var first = await http.PostAsJsonAsync(new Uri("/v1/facts", UriKind.Relative), fact);
        using var retried = await http.PostAsJsonAsync(new Uri("/v1/facts", UriKind.Relative), fact);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("replayed").GetBoolean().Should().BeFalse();
        JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement.GetProperty("replayed").GetBoolean().Should().BeTrue();
        var facts = await new AssessmentService.AssessmentServiceClient(_service.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1002" });
        facts.Facts.Should().ContainSingle(f => f.Kind == "DUES_LATE").Which.RecordedBy.Should().Be("T1001", "the token's subject records the fact");
        var audit = await new AuditService.AuditServiceClient(_service.Channel).ListAuditAsync(new ListAuditRequest { StaffNumber = "T1002" });
        audit.Records.Where(r => r.Rpc == "chuangji.assessment.v1.AssessmentService/RecordEvent").Select(r => (r.Actor, r.Role, r.Outcome))
            .Should().Equal(("T1001", "secretary", "OK"), ("T1001", "secretary", "OK"));
    }

    [Fact]
    public async Task ARefusal_OverHttp_IsGoogleRpcStatus_WithItsFieldViolations_AndStoresNothing()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(TestService.Leadership));

        using var response = await http.PostAsJsonAsync(new Uri("/v1/facts", UriKind.Relative), new { fact = new { staffNumber = "T1002", kind = "DUES_LATE" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var status = StatusJson.Parse<Google.Rpc.Status>(await response.Content.ReadAsStringAsync());
        status.Code.Should().Be((int)Grpc.Core.StatusCode.InvalidArgument);
        var violations = status.Details.Single(d => d.Is(Google.Rpc.BadRequest.Descriptor)).Unpack<Google.Rpc.BadRequest>().FieldViolations;
        violations.Select(v => v.Field).Should().Equal("fact.occurred_on", "fact.request_id");
        (await new AssessmentService.AssessmentServiceClient(_service.Channel).ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Should().BeEmpty();
    }

    [Fact]
    public async Task ABodyThatIsNotJson_IsInvalidArgument_NotAnInternalError()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(TestService.Leadership));

        using var response = await http.PostAsync(new Uri("/v1/facts", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32().Should().Be((int)Grpc.Core.StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task WithoutAToken_401_AndAnotherMembersScorecard_403_BothAsGoogleRpcStatus()
    {
        using var anonymous = _service.HttpClientWith(null);
        using var member = _service.HttpClientWith(_service.TokenFor(new TokenRequest(CallerRole.Member, "T1003", null, [], TimeSpan.FromHours(1))));

        using var unauthenticated = await anonymous.GetAsync(new Uri("/v1/branches", UriKind.Relative));
        using var own = await member.GetAsync(new Uri("/v1/years/2026/members/T1003/scorecard", UriKind.Relative));
        using var another = await member.GetAsync(new Uri("/v1/years/2026/members/T1002/scorecard", UriKind.Relative));

        unauthenticated.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unauthenticated.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        var why = StatusJson.Parse<Google.Rpc.Status>(await unauthenticated.Content.ReadAsStringAsync());
        (why.Code, why.Message).Should().Be(((int)Grpc.Core.StatusCode.Unauthenticated, "no bearer token: send 'authorization: Bearer <token>' (docs/security.md)"));
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        another.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        StatusJson.Parse<Google.Rpc.Status>(await another.Content.ReadAsStringAsync()).Code.Should().Be((int)Grpc.Core.StatusCode.PermissionDenied);
    }

    private static HttpRule? Rule(MethodDescriptor method) => method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);

    private static (string Verb, string Path) VerbAndPath(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("get", rule.Get),
        HttpRule.PatternOneofCase.Post => ("post", rule.Post),
        HttpRule.PatternOneofCase.Put => ("put", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
        HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
        _ => throw new InvalidOperationException($"no pattern in {rule}"),
    };

    /// <summary>The OpenAPI document names path parameters as the JSON does: staff_number → staffNumber.</summary>
    private static string OpenApiPath(string path) => PathParameter().Replace(path, m => "{" + Camel(m.Groups[1].Value) + "}");

    private static string Camel(string snake) => string.Concat(snake.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    private static Uri Filled(string path) => new(PathParameter().Replace(path, m => m.Groups[1].Value switch
    {
        "year" => "2026",
        "staff_number" => "T1002",
        "code" or "branch_code" => "B01",
        _ => "999999",
    }), UriKind.Relative);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();
}
