using System.Diagnostics;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>
/// Every RPC of every contract, called with generated requests (valid-looking, one field spoiled, many spoiled,
/// empty) and with bodies that are not protobuf at all, as the leadership group, a member and a secretary. Seeded: a
/// failure names its request, and the same seed sends it again. The longer run is in the README.
/// </summary>
[RunsLong]
public sealed class RpcFuzzTests(RpcFuzzTests.College college, ITestOutputHelper output) : IClassFixture<RpcFuzzTests.College>
{
    private static readonly IReadOnlyList<MethodDescriptor> Rpcs = SecurityDocumentTests.EveryRpc().ToList();

    private readonly FuzzSettings _settings = FuzzSettings.FromEnvironment();

    [Fact]
    public async Task EveryRpc_WithGeneratedRequests_AnswersWithoutInternalsAndWithBoundedStatuses()
    {
        var random = new Random(_settings.Seed);
        var issuedTokens = new List<string>();
        var requests = new RequestGenerator(random, issuedTokens);
        var inspector = new AnswerInspector();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < _settings.Requests; i++)
        {
            var rpc = Rpcs[i % Rpcs.Count];
            var mode = random.Next(100) switch
            {
                < 35 => FuzzMode.ValidLooking,
                < 70 => FuzzMode.OneBadField,
                < 90 => FuzzMode.ManyBadFields,
                _ => FuzzMode.Empty,
            };
            var caller = random.Next(8) switch
            {
                < 2 => Caller.Member,
                2 => Caller.Secretary,
                _ => Caller.Leadership,
            };
            var request = requests.Generate(rpc.InputType, mode);

            var answer = await DynamicRpc.CallAsync(college.InvokerFor(caller), rpc, request);

            inspector.Inspect(rpc, request, answer, () => $"#{i} {mode} as {caller} {AnswerInspector.Describe(request)}");
            Collect(answer.Response, issuedTokens);
        }

        Report("generated requests", inspector, clock.Elapsed);
        await college.ShouldBeServingAsync();
        inspector.Findings.Should().BeEmpty("every answer must be a refusal the caller can act on, bounded and free of internals (seed {0}):\n{1}",
            _settings.Seed, string.Join("\n", inspector.Findings.Take(30)));
        college.Service.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty("a caller's request, however bad, is not an error of the service");
    }

    [Fact]
    public async Task EveryRpc_WhenTheBodyIsNotProtobuf_IsInvalidArgumentNamingTheMessage_AndLoggedAsAWarningWithoutAStackTrace()
    {
        var random = new Random(_settings.Seed + 1);
        var bodies = new MalformedBodies(random, new RequestGenerator(random, []));
        var inspector = new AnswerInspector();
        var clock = Stopwatch.StartNew();
        var malformed = 0;

        for (var i = 0; i < _settings.MalformedBodies; i++)
        {
            var rpc = Rpcs[i % Rpcs.Count];
            var body = bodies.For(rpc);

            var answer = await DynamicRpc.CallRawAsync(college.InvokerFor(Caller.Leadership), rpc, body);

            string Describe() => $"#{i} {Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 48)))}";
            inspector.Inspect(rpc, null, answer, Describe);
            if (MalformedBodies.IsMalformed(rpc, body))
            {
                malformed++;
                inspector.Expect(rpc, answer, StatusCode.InvalidArgument, $"the request body is not a valid {rpc.InputType.FullName}", Describe);
            }
        }

        Report($"raw bodies ({malformed} malformed)", inspector, clock.Elapsed);
        await college.ShouldBeServingAsync();
        malformed.Should().BeGreaterThan(_settings.MalformedBodies / 2, "most of the bodies must be malformed for the test to mean something");
        inspector.Findings.Should().BeEmpty("a body that is not protobuf is the caller's mistake (seed {0}):\n{1}",
            _settings.Seed + 1, string.Join("\n", inspector.Findings.Take(30)));
        var logged = college.Service.Logs.Entries.Where(e => e.Message.Contains("is not a valid", StringComparison.Ordinal)).ToList();
        logged.Should().NotBeEmpty().And.OnlyContain(e => e.Level == LogLevel.Warning && e.Exception == null);
        college.Service.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty();
    }

    private static void Collect(IMessage? response, List<string> issuedTokens)
    {
        if (response?.Descriptor.FindFieldByName("next_page_token") is { } field
            && field.Accessor.GetValue(response) is string { Length: > 0 } token
            && issuedTokens.Count < 200)
        {
            issuedTokens.Add(token);
        }
    }

    private void Report(string what, AnswerInspector inspector, TimeSpan elapsed)
    {
        output.WriteLine($"{inspector.Answers} {what} to {Rpcs.Count} RPCs in {elapsed.TotalSeconds:0.0} s (seed {_settings.Seed})");
        output.WriteLine("answers: " + string.Join(", ", inspector.Codes.Select(c => $"{c.Key} {c.Value}")));
        output.WriteLine("first RPC to answer each: " + string.Join(", ", inspector.FirstRpcs.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}")));
        output.WriteLine($"largest status message: {inspector.LargestMessage.Length} characters ({inspector.LargestMessage.Rpc})");
        output.WriteLine($"largest trailers: {inspector.LargestTrailers.Bytes} bytes ({inspector.LargestTrailers.Rpc})");
        foreach (var finding in inspector.Findings)
        {
            output.WriteLine(finding.ToString());
        }
    }

    /// <summary>Who calls: the leadership group (the default channel), member T1002, or B01's secretary T1001.</summary>
    public enum Caller
    {
        Leadership,
        Member,
        Secretary,
    }

    /// <summary>
    /// The demo college (4 branches, 30 members) with 2026 open on 2026-11-25 and a few facts recorded, so that
    /// valid-looking requests reach past validation into the steps and the scoring.
    /// </summary>
    public sealed class College : IAsyncLifetime
    {
        private GrpcChannel? _member;

        private GrpcChannel? _secretary;

        public TestService Service { get; private set; } = null!;

        public CallInvoker InvokerFor(Caller caller) => (caller switch
        {
            Caller.Member => _member!,
            Caller.Secretary => _secretary!,
            _ => Service.Channel,
        }).CreateCallInvoker();

        public async Task InitializeAsync()
        {
            Service = await TestService.StartAsync(new Dictionary<string, string?> { ["Chuangji:SeedDemo"] = "true" });
            await new WorkflowService.WorkflowServiceClient(Service.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026 });
            var assessment = new AssessmentService.AssessmentServiceClient(Service.Channel);
            foreach (var (staffNumber, kind, requestId) in new[] { ("T1002", "MEETING_ABSENCE", "seed-1"), ("T1003", "GOOD_DEED", "seed-2"), ("R2001", "THOUGHT_REPORT", "seed-3") })
            {
                await assessment.RecordEventAsync(new RecordEventRequest { Fact = new FactInput { StaffNumber = staffNumber, Kind = kind, OccurredOn = "2026-03-12", RequestId = requestId } });
            }

            _member = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.FromDays(7))));
            _secretary = Service.ChannelWith(Service.TokenFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromDays(7))));
        }

        public async Task ShouldBeServingAsync()
        {
            var health = await new Health.HealthClient(Service.Channel).CheckAsync(new HealthCheckRequest());
            health.Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
        }

        public async Task DisposeAsync()
        {
            _member?.Dispose();
            _secretary?.Dispose();
            await Service.DisposeAsync();
        }
    }
}
