using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Domain;

namespace Chuangji.Workflow.Modules.Members.Roster;

/// <summary>The field rules of a member, shared by registration, import and update.</summary>
internal static class MemberFieldRules
{
    public const int MaxNameLength = 64;

    public const int MaxSpecialtyLength = 200;

    /// <summary>The founding of the Communist Party of China: nobody joined before it.</summary>
    public static readonly DateOnly PartyFounded = new(1921, 7, 1);

    public static string? Name(Violations violations, string field, string? value) =>
        TextField.Required(violations, field, value, MaxNameLength);

    public static MemberCategory? Category(Violations violations, string field, int value)
    {
        if (value is (int)MemberCategory.InService or (int)MemberCategory.Retired)
        {
            return (MemberCategory)value;
        }

        violations.Add(field, value == 0
            ? "is required: MEMBER_CATEGORY_IN_SERVICE or MEMBER_CATEGORY_RETIRED"
            : $"has no value {value}; use MEMBER_CATEGORY_IN_SERVICE or MEMBER_CATEGORY_RETIRED");
        return null;
    }

    public static MemberStatus? Status(Violations violations, string field, int value)
    {
        if (Enum.IsDefined((MemberStatus)value))
        {
            return (MemberStatus)value;
        }

        violations.Add(field, value == 0
            ? "must name a status: MEMBER_STATUS_ACTIVE, MEMBER_STATUS_TRANSFERRED_OUT or MEMBER_STATUS_DECEASED"
            : $"has no value {value}; use MEMBER_STATUS_ACTIVE, MEMBER_STATUS_TRANSFERRED_OUT or MEMBER_STATUS_DECEASED");
        return null;
    }

    public static DateOnly? JoinedPartyOn(Violations violations, string field, string? value, DateOnly today)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add(field, "is required, as YYYY-MM-DD");
            return null;
        }

        if (!IsoDate.TryParse(value, out var date))
        {
            violations.Add(field, $"'{Echo.Of(value)}' is not a date of the form YYYY-MM-DD");
            return null;
        }

        if (date > today)
        {
            violations.Add(field, $"must not be in the future (today is {IsoDate.Format(today)})");
            return null;
        }

        if (date < PartyFounded)
        {
            violations.Add(field, $"must not be before the party was founded ({IsoDate.Format(PartyFounded)})");
            return null;
        }

        return date;
    }

    public static string? Specialty(Violations violations, string field, string? value) =>
        TextField.Optional(violations, field, value, MaxSpecialtyLength);
}
