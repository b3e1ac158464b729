using System.Reflection;
using Grpc.Core;
using NetArchTest.Rules;

namespace Chuangji.Workflow.Tests.Architecture;

/// <summary>
/// gRPC services show what each call needs: handlers come through the constructor, never from a service
/// provider (a service locator). Checked on the constructors and on the code, async state machines included.
/// </summary>
internal static class GrpcServiceRules
{
    private static readonly string[] Locators =
    [
        "System.IServiceProvider",
        "Microsoft.Extensions.DependencyInjection.IServiceScopeFactory",
        "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions",
        "Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions",
        "Microsoft.Extensions.DependencyInjection.ActivatorUtilities",
    ];

    /// <summary>The gRPC service classes of <paramref name="module"/>: those built on a generated service base.</summary>
    public static IReadOnlyList<Type> GrpcServices(Assembly module) =>
        module.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.BaseType?.IsDefined(typeof(BindServiceMethodAttribute), inherit: false) == true)
            .ToList();

    /// <summary>gRPC service classes of <paramref name="module"/> that take or use a service provider.</summary>
    public static IReadOnlyList<string> ServicesThatLocateTheirDependencies(Assembly module)
    {
        var services = GrpcServices(module).Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        var taking = GrpcServices(module)
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Any(p => Locators.Contains(p.ParameterType.FullName)))
            .Select(t => t.FullName!);
        var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(Locators).GetResult();
        var locating = (result.FailingTypeNames ?? [])
            .Select(OutermostType)
            .Where(services.Contains);
        return taking.Concat(locating).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A nested type (an async method's state machine) counts against the class that declares it.</summary>
    private static string OutermostType(string name) => name.Split('/', '+')[0];
}
