namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>
/// A refusal the caller can act on. The Host maps each subtype to one gRPC status;
/// anything that is not a <see cref="DomainException"/> is an internal error. The message is
/// bounded (<see cref="ErrorText.MaxMessageLength"/>), however many things it names.
/// </summary>
public abstract class DomainException(string message) : Exception(ErrorText.Clip(message, ErrorText.MaxMessageLength));
