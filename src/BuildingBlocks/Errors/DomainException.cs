namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>
/// A refusal the caller can act on. The Host maps each subtype to one gRPC status;
/// anything that is not a <see cref="DomainException"/> is an internal error.
/// </summary>
public abstract class DomainException(string message) : Exception(message);
