namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>A resource the request names does not exist (NOT_FOUND).</summary>
public sealed class NotFoundException(string resourceType, string resourceName, string field)
    : DomainException($"{field}: {resourceType} '{resourceName}' does not exist")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;

    /// <summary>The request field that named the missing resource.</summary>
    public string Field { get; } = field;
}
