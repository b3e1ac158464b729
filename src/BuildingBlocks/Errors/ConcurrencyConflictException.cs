namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>Someone else changed the resource first (ABORTED); read it again and retry.</summary>
public sealed class ConcurrencyConflictException(string resourceType, string resourceName, long? expectedVersion, long actualVersion)
    : DomainException(expectedVersion is { } expected
        ? $"{resourceType} '{resourceName}' is at version {actualVersion}, not the expected version {expected}; read it again and retry"
        : $"{resourceType} '{resourceName}' was changed by another request; read it again and retry")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;

    public long ActualVersion { get; } = actualVersion;
}
