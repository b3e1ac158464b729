using System.Reflection;
using Chuangji.Workflow.Modules.Members;

namespace Chuangji.Workflow.Tests.Architecture;

/// <summary>
/// The test assembly breaks every rule on purpose (public helpers, unsealed fixtures, use of
/// the Members module's internals): each rule must report it, or it could never fail.
/// </summary>
public sealed class ModuleRulesCatchBreachesTests
{
    private static readonly Assembly Breaching = typeof(ModuleRulesCatchBreachesTests).Assembly;

    [Fact]
    public void PublicSurfaceRule_WhenAPublicTypeIsOutsideContracts_ReportsIt()
    {
        ModuleRules.PublicTypesOutsideTheSurface(Breaching, "Chuangji.Workflow.Tests", "Chuangji.Tests.V1")
            .Should().Contain(typeof(ModuleRulesCatchBreachesTests).FullName);
    }

    [Fact]
    public void SealedRule_WhenAnInternalClassIsNotSealed_ReportsIt()
    {
        ModuleRules.UnsealedInternalClasses(Breaching, "Chuangji.Workflow.Tests")
            .Should().Contain(typeof(Fixtures.UnsealedInternalClass).FullName);
    }

    [Fact]
    public void InternalsRule_WhenAnotherModulesInternalsAreUsed_ReportsTheUser()
    {
        ModuleRules.UsesOfInternals(Breaching, typeof(MembersModule).Assembly, "Chuangji.Workflow.Modules.Members")
            .Should().Contain(typeof(Fixtures.UsesMembersInternals).FullName);
    }

    [Fact]
    public void InternalsRule_WhenOnlyContractsAreUsed_ReportsNothingForThatType()
    {
        ModuleRules.UsesOfInternals(Breaching, typeof(MembersModule).Assembly, "Chuangji.Workflow.Modules.Members")
            .Should().NotContain(typeof(Fixtures.UsesMembersContracts).FullName);
    }
}
