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

    private static readonly MethodInfo FireMethod =
        typeof(Cycle).GetMethod("Fire", BindingFlags.NonPublic | BindingFlags.Instance) ?? throw new MissingMethodException(nameof(Cycle), "Fire");

    /// <summary>
    /// Fires a bare trigger, as the cycle's steps do (its <c>Fire</c> is private), so the machine's table can be
    /// tested trigger by trigger; a refusal is thrown as the step would throw it.
    /// </summary>
    public static void Fire(this Cycle cycle, CycleTrigger trigger, string actor, string note, DateTimeOffset now, Action? apply = null) =>
        FireMethod.Invoke(cycle, BindingFlags.DoNotWrapExceptions, binder: null, [trigger, actor, note, now, apply, true], culture: null);

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
