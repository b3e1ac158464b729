using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>Collects field violations so a request is answered with all of them at once.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<FieldViolation> Items => _items;

    public void Add(string field, string description) => _items.Add(new FieldViolation(field, description));

    public void ThrowIfAny()
    {
        if (_items.Count > 0)
        {
            throw new InvalidArgumentException(_items.ToArray());
        }
    }
}
