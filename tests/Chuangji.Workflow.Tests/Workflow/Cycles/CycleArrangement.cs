using System.Linq.Expressions;
using System.Reflection;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Tests.Workflow.Cycles;

/// <summary>
/// Puts a cycle into a state its steps would take a year to reach. The cycle's setters are private (only its steps
/// and machine change it, ADR 14), so a unit test arranges through reflection what production code cannot touch.
/// </summary>
internal static class CycleArrangement
{
    private static readonly FieldInfo ObjectionsField =
        typeof(Cycle).GetField("_objections", BindingFlags.NonPublic | BindingFlags.Instance) ?? throw new MissingFieldException(nameof(Cycle), "_objections");

    /// <summary>An empty cycle, as EF Core makes one before it sets the columns.</summary>
    public static Cycle Blank() => (Cycle)Activator.CreateInstance(typeof(Cycle), nonPublic: true)!;

    public static Cycle With<T>(this Cycle cycle, Expression<Func<Cycle, T>> property, T value)
    {
        var info = (PropertyInfo)((MemberExpression)property.Body).Member;
        info.SetValue(cycle, value);
        return cycle;
    }

    public static Cycle WithObjection(this Cycle cycle, Objection objection)
    {
        ((List<Objection>)ObjectionsField.GetValue(cycle)!).Add(objection);
        return cycle;
    }
}
