using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Chuangji.Workflow.Tests.Host;

/// <remarks>One host for the class, first started on an empty file: its tests only read.</remarks>
public sealed class PlatformServicesTests(PlatformServicesTests.FirstStart firstStart) : IClassFixture<PlatformServicesTests.FirstStart>
{
    private readonly TestService _service = firstStart.Service;

    public sealed class FirstStart : SharedService
    {
        protected override bool EmptyDatabase => true;
    }

    [Theory]
    [InlineData("")]
    [InlineData("chuangji.members.v1.MembersService")]
    [InlineData("chuangji.assessment.v1.AssessmentService")]
    [InlineData("chuangji.workflow.v1.WorkflowService")]
    public async Task HealthCheck_WhenDatabaseIsMigrated_IsServing(string serviceName)
    {
        var health = new Health.HealthClient(_service.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest { Service = serviceName });

        response.Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task HealthCheck_WhenServiceIsUnknown_IsNotFound()
    {
        var health = new Health.HealthClient(_service.Channel);

        await health.CheckAsync(new HealthCheckRequest { Service = "chuangji.nothing.v1.NothingService" }).ShouldFailWith(Grpc.Core.StatusCode.NotFound);
    }

    [Fact]
    public async Task Reflection_WhenAskedForServices_ListsTheModulesServicesHealthAndBothReflectionVersions()
    {
        var reflection = new ServerReflection.ServerReflectionClient(_service.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();

        call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).Should().BeEquivalentTo(
            "chuangji.members.v1.MembersService",
            "chuangji.assessment.v1.AssessmentService",
            "chuangji.workflow.v1.WorkflowService",
            "chuangji.workflow.v1.ReminderService",
            "chuangji.workflow.v1.CheckReportService",
            "chuangji.audit.v1.AuditService",
            "chuangji.documents.v1.DocumentService",
            "chuangji.access.v1.AccessService",
            "grpc.health.v1.Health",
            "grpc.reflection.v1alpha.ServerReflection",
            "grpc.reflection.v1.ServerReflection");
    }

    [Fact]
    public async Task Reflection_WhenSwitchedOff_IsNotServed()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { ["Chuangji:EnableReflection"] = "false" });
        var reflection = new ServerReflection.ServerReflectionClient(service.Channel);
        using var call = reflection.ServerReflectionInfo();

        async Task ListServices()
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }

        await ListServices().ShouldFailWith(Grpc.Core.StatusCode.Unimplemented);
    }
}
