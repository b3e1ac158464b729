using Chuangji.Workflow.BuildingBlocks.Validation;

namespace Chuangji.Workflow.Modules.Workflow.Cycles;

/// <summary>The fields every step shares: whose cycle, who acts, and the version the caller saw.</summary>
internal sealed record StepInput(int Year, string StaffNumber, string Actor, long? ExpectedVersion)
{
    public const int MaxTextLength = 4_000;

    public const int MaxActorLength = 64;

    public static string Text(Violations violations, string field, string? value, bool required) => required
        ? TextField.Required(violations, field, value, MaxTextLength) ?? string.Empty
        : TextField.Optional(violations, field, value, MaxTextLength) ?? string.Empty;

    public string ValidActor(Violations violations) => TextField.Optional(violations, "actor", Actor, MaxActorLength) ?? string.Empty;
}
