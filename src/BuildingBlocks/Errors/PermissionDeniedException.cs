namespace Chuangji.Workflow.BuildingBlocks.Errors;

/// <summary>The caller is who they say, but may not do this (PERMISSION_DENIED); nothing was changed.</summary>
public sealed class PermissionDeniedException(string rpc, string role, string reason)
    : DomainException($"{role} may not call {rpc}: {reason}")
{
    public string Rpc { get; } = rpc;

    public string Role { get; } = role;

    public string Reason { get; } = reason;
}
