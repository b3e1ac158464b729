using Chuangji.Workflow.BuildingBlocks.Validation;

namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>
/// The resource exists with different data (ALREADY_EXISTS). <see cref="Conflicts"/> names
/// each field whose requested value differs from the stored one.
/// </summary>
public sealed class AlreadyExistsException(string resourceType, string resourceName, IReadOnlyList<FieldViolation> conflicts)
    : DomainException($"{resourceType} '{Echo.Of(resourceName)}' already exists with different data: {string.Join("; ", conflicts)}")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = Echo.Of(resourceName);

    public IReadOnlyList<FieldViolation> Conflicts { get; } = conflicts;
}
