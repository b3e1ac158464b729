namespace Chuangji.Workflow.Modules.Members.Domain;

/// <summary>The validated fields of an update; null leaves a field as it is.</summary>
internal sealed record MemberEdit(
    string? Name,
    MemberCategory? Category,
    MemberStatus? Status,
    DateOnly? JoinedPartyOn,
    string? Specialty);
