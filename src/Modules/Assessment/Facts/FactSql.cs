using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Microsoft.Data.Sqlite;

namespace Chuangji.Workflow.Modules.Assessment.Facts;

/// <summary>The fact ledger's columns as the EF model maps them, for the paths where EF would be the bottleneck.</summary>
internal static class FactSql
{
    public const string Columns =
        "Id, MemberId, StaffNumber, Year, Kind, OccurredOn, Count, PointsTenths, Note, RecordedBy, RecordedAtUtcTicks, RequestId, RevokedAtUtcTicks, RevokedBy, RevocationReason, Version";

    public const string Insert =
        "INSERT INTO assessment_facts (MemberId, StaffNumber, Year, Kind, OccurredOn, Count, PointsTenths, Note, RecordedBy, RecordedAtUtcTicks, RequestId, RevokedBy, RevocationReason, Version) " +
        "VALUES ($member, $staff, $year, $kind, $occurred, $count, $points, $note, $by, $at, $request, '', '', 1) RETURNING Id";

    public static string FormatDate(DateOnly date) => IsoDate.Format(date);

    public static Fact Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        MemberId = reader.GetInt64(1),
        StaffNumber = reader.GetString(2),
        Year = reader.GetInt32(3),
        Kind = reader.GetString(4),
        OccurredOn = IsoDate.Parse(reader.GetString(5)),
        Count = reader.GetInt32(6),
        PointsTenths = reader.IsDBNull(7) ? null : reader.GetInt64(7),
        Note = reader.GetString(8),
        RecordedBy = reader.GetString(9),
        RecordedAtUtcTicks = reader.GetInt64(10),
        RequestId = reader.GetString(11),
        RevokedAtUtcTicks = reader.IsDBNull(12) ? null : reader.GetInt64(12),
        RevokedBy = reader.GetString(13),
        RevocationReason = reader.GetString(14),
        Version = reader.GetInt64(15),
    };
}
