using System.Reflection;
using Chuangji.Workflow.Modules.Assessment;
using Chuangji.Workflow.Modules.Members;

namespace Chuangji.Workflow.Tests.Architecture;

/// <summary>
/// The test assembly breaks every rule on purpose (public helpers, unsealed fixtures, use of
/// the Members and Assessment modules' internals): each rule must report it, or it could never fail; and it keeps
/// to the published surface elsewhere (contracts, v1 messages), which the rule must let pass.
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
        UsesOfMembersInternals()
            .Should().Contain(typeof(Fixtures.UsesMembersInternals).FullName);
    }

    [Fact]
    public void InternalsRule_WhenOnlyContractsAreUsed_ReportsNothingForThatType()
    {
        UsesOfMembersInternals()
            .Should().NotContain(typeof(Fixtures.UsesMembersContracts).FullName);
    }

    [Fact]
    public void InternalsRule_WhenOnlyThePublishedLanguageIsUsed_ReportsNothingForThatType()
    {
        UsesOfMembersInternals().Should().NotContain(typeof(Fixtures.UsesMembersPublishedLanguage).FullName);
        UsesOfAssessmentInternals().Should().NotContain(typeof(Fixtures.ReadsAssessmentRecords).FullName);
    }

    [Fact]
    public void InternalsRule_WhenAnInternalTypeIsUsedBesideThePublishedLanguage_StillReportsTheUser()
    {
        UsesOfAssessmentInternals().Should().Contain(typeof(Fixtures.UsesAssessmentMappingBesideTheMessages).FullName);
    }

    [Fact]
    public void InternalsRule_AllowsOnlyTheOtherModulesOwnPublishedLanguage()
    {
        // Naming another namespace as the published language lets nothing of the Members module's own v1 through.
        ModuleRules.UsesOfInternals(Breaching, typeof(MembersModule).Assembly, "Chuangji.Workflow.Modules.Members", "Chuangji.Assessment.V1")
            .Should().Contain(typeof(Fixtures.UsesMembersPublishedLanguage).FullName);
    }

    private static IReadOnlyList<string> UsesOfMembersInternals() =>
        ModuleRules.UsesOfInternals(Breaching, typeof(MembersModule).Assembly, "Chuangji.Workflow.Modules.Members", "Chuangji.Members.V1");

    private static IReadOnlyList<string> UsesOfAssessmentInternals() =>
        ModuleRules.UsesOfInternals(Breaching, typeof(AssessmentModule).Assembly, "Chuangji.Workflow.Modules.Assessment", "Chuangji.Assessment.V1");
}
