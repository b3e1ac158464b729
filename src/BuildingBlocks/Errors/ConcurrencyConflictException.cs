namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>Someone else changed the resource first (ABORTED); read it again and retry.</summary>
public sealed class ConcurrencyConflictException(string resourceType, string resourceName, long? expectedVersion, long? actualVersion)
    : DomainException((expectedVersion, actualVersion) is ({ } expected, { } actual)
        ? $"{resourceType} '{resourceName}' is at version {actual}, not the expected version {expected}; read it again and retry"
        : $"{resourceType} '{resourceName}' was changed by another request; read it again and retry")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;

    /// <summary>The version now stored, when known.</summary>
    public long? ActualVersion { get; } = actualVersion;
}
