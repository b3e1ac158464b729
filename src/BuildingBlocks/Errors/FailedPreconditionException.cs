namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>
/// The resource is in a state that does not permit the request (FAILED_PRECONDITION).
/// The message and details name the current state and what the state does permit.
/// </summary>
public sealed class FailedPreconditionException(string subject, string state, IReadOnlyList<string> permittedActions, string reason)
    : DomainException($"{subject} is {state}: {reason}; permitted: {(permittedActions.Count == 0 ? "none" : string.Join(", ", permittedActions))}")
{
    /// <summary>What is in the state, e.g. "member T001".</summary>
    public string Subject { get; } = subject;

    public string State { get; } = state;

    public IReadOnlyList<string> PermittedActions { get; } = permittedActions;

    public string Reason { get; } = reason;
}
