using Chuangji.Workflow.BuildingBlocks.Errors;

namespace Chuangji.Workflow.BuildingBlocks.Validation;

/// <summary>
/// Where a repeated request differs from what is stored, field by field: the details of an
/// ALREADY_EXISTS answer to an idempotent call retried with other data.
/// </summary>
public sealed class Differences(string storedAs)
{
    private readonly List<FieldViolation> _items = [];

    public IReadOnlyList<FieldViolation> Items => _items;

    /// <summary>Notes the field when the values differ: "{storedAs} 'stored', not 'requested'".</summary>
    public Differences Compare(string field, string stored, string requested)
    {
        if (!string.Equals(stored, requested, StringComparison.Ordinal))
        {
            _items.Add(new FieldViolation(field, $"{storedAs} '{Echo.Of(stored)}', not '{Echo.Of(requested)}'"));
        }

        return this;
    }
}
