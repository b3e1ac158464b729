using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace Chuangji.Workflow.Tests.Architecture;

/// <summary>
/// The rules that keep modules apart, as functions that list violations, so each rule can be
/// shown to catch a deliberate breach (see <see cref="ModuleRulesCatchBreachesTests"/>).
/// </summary>
internal static class ModuleRules
{
    /// <summary>A module's public surface: its entry point, its in-process contracts, its generated gRPC contract.</summary>
    public static IReadOnlyList<string> PublicTypesOutsideTheSurface(Assembly module, string moduleNamespace, string protoNamespace) =>
        module.GetExportedTypes()
            .Where(t => t.Namespace != moduleNamespace + ".Contracts" && t.Namespace != protoNamespace)
            .Where(t => !(t.Namespace == moduleNamespace && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Module", StringComparison.Ordinal)))
            .Select(t => t.FullName!)
            .ToList();

    /// <summary>Internal classes are sealed unless abstract or static: nothing is built to be inherited by accident.</summary>
    public static IReadOnlyList<string> UnsealedInternalClasses(Assembly module, string moduleNamespace) =>
        module.GetTypes()
            .Where(t => t.IsClass && !t.IsPublic && !t.IsNestedPublic && !t.IsSealed && !t.IsAbstract)
            .Where(t => t.Namespace?.StartsWith(moduleNamespace, StringComparison.Ordinal) == true)
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .ToList();

    /// <summary>
    /// Types of <paramref name="module"/> that use anything of <paramref name="other"/> beyond its published surface:
    /// its Contracts namespace and its generated v1 messages (<paramref name="otherProtoNamespace"/>, the published
    /// language; ADR 16). Its handlers, mappings, entities and everything else stay forbidden.
    /// </summary>
    public static IReadOnlyList<string> UsesOfInternals(Assembly module, Assembly other, string otherNamespace, string otherProtoNamespace)
    {
        var forbidden = other.GetTypes()
            .Where(t => t.Namespace is not null && t.Namespace != otherNamespace + ".Contracts" && t.Namespace != otherProtoNamespace)
            .Where(t => !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName!.Replace('+', '/'))
            .Distinct()
            .ToArray();
        if (forbidden.Length == 0)
        {
            return [];
        }

        var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames?.ToList() ?? ["(unnamed types)"];
    }

    /// <summary>Assemblies a module lets see its internals: only the tests and the benchmarks may.</summary>
    public static IReadOnlyList<string> InternalsVisibleToOtherThanTests(Assembly module) =>
        module.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName)
            .Where(name => name is not ("Chuangji.Workflow.Tests" or "Chuangji.Workflow.Bench"))
            .ToList();
}
