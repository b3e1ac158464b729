namespace Chuangji.Workflow.Modules.Assessment.Domain.Facts;

/// <summary>
/// A registered fact. Never deleted: a correction revokes it with a reason, kept on the fact.
/// Points are stored in tenths, so sums in SQL and in memory are exact.
/// </summary>
internal sealed class Fact
{
    public long Id { get; set; }

    public long MemberId { get; set; }

    /// <summary>Kept beside the id so facts list without asking the Members module; staff numbers never change.</summary>
    public string StaffNumber { get; set; } = string.Empty;

    public int Year { get; set; }

    public string Kind { get; set; } = string.Empty;

    public DateOnly OccurredOn { get; set; }

    public int Count { get; set; }

    public long? PointsTenths { get; set; }

    public string Note { get; set; } = string.Empty;

    public string RecordedBy { get; set; } = string.Empty;

    public long RecordedAtUtcTicks { get; set; }

    public string RequestId { get; set; } = string.Empty;

    public long? RevokedAtUtcTicks { get; set; }

    public string RevokedBy { get; set; } = string.Empty;

    public string RevocationReason { get; set; } = string.Empty;

    public long Version { get; set; }

    public decimal? Points => PointsTenths is { } tenths ? tenths / 10m : null;

    public bool IsRevoked => RevokedAtUtcTicks is not null;

    public void Revoke(string reason, string revokedBy, DateTimeOffset now)
    {
        RevokedAtUtcTicks = now.UtcTicks;
        RevocationReason = reason;
        RevokedBy = revokedBy;
        Version++;
    }
}
