using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Members.Domain;

namespace Chuangji.Workflow.Modules.Members.Roster;

/// <summary>What became of one registration: a member (new or already there) or the refusal.</summary>
internal sealed record RegistrationOutcome(int Row, string StaffNumber, Member? Member, bool Created, DomainException? Error);
