using System.Reflection;
using Chuangji.Workflow.BuildingBlocks.Audit;
using Mono.Cecil;

namespace Chuangji.Workflow.Tests.Architecture;

/// <summary>
/// How a module may touch the call's audit record (docs/adr/0015-audit-rides-the-commit.md): it declares its
/// housekeeping (<see cref="AuditScope.Housekeeping"/>), and a writer that commits on a thread of its own may
/// take the record along (<see cref="AuditScope.Current"/>); beginning a record is the Host's. Read from the
/// code, async state machines and lambdas included.
/// </summary>
internal static class AuditScopeRules
{
    private static readonly string Scope = typeof(AuditScope).FullName!;

    /// <summary>"Type.Method calls AuditScope.Member" for each use of the scope other than those allowed.</summary>
    public static IReadOnlyList<string> UsesBeyondHousekeeping(Assembly module, params Type[] carriers)
    {
        var carrierNames = carriers.Select(c => c.FullName!).ToHashSet(StringComparer.Ordinal);
        using var assembly = AssemblyDefinition.ReadAssembly(module.Location);
        return assembly.MainModule.GetTypes()
            .SelectMany(type => type.Methods.Where(m => m.HasBody).Select(method => (Type: type, Method: method)))
            .SelectMany(caller => caller.Method.Body.Instructions
                .Select(i => i.Operand)
                .OfType<MethodReference>()
                .Where(called => called.DeclaringType.FullName == Scope && called.Name != nameof(AuditScope.Housekeeping))
                .Where(called => !(called.Name == "get_" + nameof(AuditScope.Current) && carrierNames.Contains(Outermost(caller.Type).FullName.Replace('/', '+'))))
                .Select(called => $"{Outermost(caller.Type).FullName}.{caller.Method.Name} calls AuditScope.{called.Name}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}
