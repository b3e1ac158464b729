using System.Reflection;
using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Assessment;
using Chuangji.Workflow.Modules.Members;
using Chuangji.Workflow.Modules.Workflow;

namespace Chuangji.Workflow.Tests.Architecture;

public sealed class ModuleBoundaryTests
{
    private static readonly string[] ModuleNames = ["Members", "Assessment", "Workflow", "Documents"];

    public static TheoryData<string> Modules => new(ModuleNames);

    public static TheoryData<string, string> ModulePairs
    {
        get
        {
            var pairs = new TheoryData<string, string>();
            foreach (var module in ModuleNames)
            {
                foreach (var other in ModuleNames.Where(o => o != module))
                {
                    pairs.Add(module, other);
                }
            }

            return pairs;
        }
    }

    [Theory]
    [MemberData(nameof(ModulePairs))]
    public void Module_UsesNothingOfAnotherModuleButItsContractsAndPublishedLanguage(string module, string other)
    {
        ModuleRules.UsesOfInternals(AssemblyOf(module), AssemblyOf(other), NamespaceOf(other), ProtoNamespaceOf(other)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_ExposesOnlyItsEntryPointContractsAndGrpcContract(string module)
    {
        ModuleRules.PublicTypesOutsideTheSurface(AssemblyOf(module), NamespaceOf(module), ProtoNamespaceOf(module)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_SealsEveryInternalClass(string module)
    {
        ModuleRules.UnsealedInternalClasses(AssemblyOf(module), NamespaceOf(module)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_ShowsItsInternalsToTestsAndBenchmarksOnly(string module)
    {
        ModuleRules.InternalsVisibleToOtherThanTests(AssemblyOf(module)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void BuildingBlocks_DependOnNoModule(string module)
    {
        ModuleRules.UsesOfInternals(typeof(DomainException).Assembly, AssemblyOf(module), NamespaceOf(module), ProtoNamespaceOf(module)).Should().BeEmpty();
        typeof(DomainException).Assembly.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(AssemblyOf(module).GetName().Name);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_DoesNotReferenceTheHost(string module)
    {
        AssemblyOf(module).GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(typeof(Program).Assembly.GetName().Name);
    }

    private static Assembly AssemblyOf(string module) => module switch
    {
        "Members" => typeof(MembersModule).Assembly,
        "Assessment" => typeof(AssessmentModule).Assembly,
        "Workflow" => typeof(WorkflowModule).Assembly,
        // No entry point yet: the module's generated contract lives in its assembly.
        "Documents" => typeof(DocumentService).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(module), module, null),
    };

    private static string NamespaceOf(string module) => $"Chuangji.Workflow.Modules.{module}";

    private static string ProtoNamespaceOf(string module) => $"Chuangji.{module}.V1";
}
