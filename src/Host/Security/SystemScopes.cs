namespace Chuangji.Workflow.Host.Security;

/// <summary>What a campus system's token may grant (the `scope` claim).</summary>
internal static class SystemScopes
{
    /// <summary>The roster system: branches and members.</summary>
    public const string Roster = "roster";

    /// <summary>Meeting check-in, dues, task systems: register and revoke facts.</summary>
    public const string Facts = "facts";

    /// <summary>The suggestion box and forums: opinions in mass review.</summary>
    public const string Opinions = "opinions";

    /// <summary>The messaging bridge: the reminder feed.</summary>
    public const string Reminders = "reminders";

    /// <summary>Reporting: scorecards, check reports, the college summary (read only).</summary>
    public const string Reports = "reports";

    public static readonly IReadOnlyList<string> All = [Roster, Facts, Opinions, Reminders, Reports];
}
