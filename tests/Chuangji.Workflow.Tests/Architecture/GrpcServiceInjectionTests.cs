using System.Reflection;
using Chuangji.Workflow.Modules.Assessment;
using Chuangji.Workflow.Modules.Documents;
using Chuangji.Workflow.Modules.Members;
using Chuangji.Workflow.Modules.Workflow;

namespace Chuangji.Workflow.Tests.Architecture;

/// <summary>
/// Every gRPC service takes its handlers through its constructor (ADR 0013), in every module.
/// </summary>
public sealed class GrpcServiceInjectionTests
{
    public static TheoryData<string> Modules => new("Members", "Assessment", "Workflow", "Documents");

    [Theory]
    [MemberData(nameof(Modules))]
    public void GrpcServices_OfAModule_AreFound(string module)
    {
        GrpcServiceRules.GrpcServices(AssemblyOf(module)).Should().NotBeEmpty("a rule over no services could never fail");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void GrpcServices_OfAModule_TakeNoServiceProvider(string module)
    {
        GrpcServiceRules.ServicesThatLocateTheirDependencies(AssemblyOf(module)).Should().BeEmpty();
    }

    [Fact]
    public void LocatorRule_WhenAServiceTakesOrUsesAServiceProvider_ReportsIt()
    {
        var breaching = typeof(GrpcServiceInjectionTests).Assembly;

        GrpcServiceRules.ServicesThatLocateTheirDependencies(breaching).Should()
            .Contain(typeof(Fixtures.ServiceLocatingGrpcService).FullName)
            .And.Contain(typeof(Fixtures.RequestServicesGrpcService).FullName)
            .And.NotContain(typeof(Fixtures.InjectedGrpcService).FullName);
    }

    private static Assembly AssemblyOf(string module) => module switch
    {
        "Members" => typeof(MembersModule).Assembly,
        "Assessment" => typeof(AssessmentModule).Assembly,
        "Workflow" => typeof(WorkflowModule).Assembly,
        "Documents" => typeof(DocumentsModule).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(module), module, null),
    };
}
