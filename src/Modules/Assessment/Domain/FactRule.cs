namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>How a fact kind moves the score; in the seed as "PER_COUNT", "ONCE_A_YEAR" and so on.</summary>
internal enum FactRule
{
    /// <summary>A fixed deduction for each counted fact.</summary>
    PerCount = 1,

    /// <summary>A fixed deduction once a year, however often recorded.</summary>
    OnceAYear = 2,

    /// <summary>The recorder gives the points (酌情扣分).</summary>
    Discretionary = 3,

    /// <summary>Counts toward a derived rule; no points of its own.</summary>
    Positive = 4,

    /// <summary>Makes the member unqualified whatever the points.</summary>
    Veto = 5,

    /// <summary>Adds bonus points (加分) for each counted fact.</summary>
    Bonus = 6,
}
