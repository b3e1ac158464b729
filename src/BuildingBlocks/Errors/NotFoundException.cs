using Chuangji.Workflow.BuildingBlocks.Validation;

namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>A resource the request names does not exist (NOT_FOUND). The name is the caller's, so only its <see cref="Echo"/> is kept.</summary>
public sealed class NotFoundException(string resourceType, string resourceName, string field)
    : DomainException($"{field}: {resourceType} '{Echo.Of(resourceName)}' does not exist")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = Echo.Of(resourceName);

    /// <summary>The request field that named the missing resource.</summary>
    public string Field { get; } = field;
}
