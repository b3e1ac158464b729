namespace Chuangji.Workflow.BuildingBlocks.Validation.Rules;

/// <summary>
/// One named business rule about a <typeparamref name="T"/> (its class name is its name); yields a sentence
/// per breach, none when it holds.
/// </summary>
public interface IRule<in T>
{
    IEnumerable<string> ProblemsIn(T subject);
}
