using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Members.Domain;

namespace Chuangji.Workflow.Members.Features.Members;

/// <summary>What became of one registration: a member (new or already there) or the refusal.</summary>
internal sealed record RegistrationOutcome(int Row, string StaffNumber, Member? Member, bool Created, DomainException? Error);
