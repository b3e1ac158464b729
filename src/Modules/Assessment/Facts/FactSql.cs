using System.Data;
using System.Data.Common;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;
using Chuangji.Workflow.Modules.Assessment.Persistence;

namespace Chuangji.Workflow.Modules.Assessment.Facts;

/// <summary>
/// The fact ledger's columns as the EF model maps them, for the paths where EF would be the bottleneck. Identifiers are
/// quoted, as EF creates them, so the same text reads on SQLite and on PostgreSQL.
/// </summary>
internal sealed class FactSql(ServiceDatabase database)
{
    public const string Columns =
        "\"Id\", \"MemberId\", \"StaffNumber\", \"Year\", \"Kind\", \"OccurredOn\", \"Count\", \"PointsTenths\", \"Note\", \"RecordedBy\", " +
        "\"RecordedAtUtcTicks\", \"RequestId\", \"RevokedAtUtcTicks\", \"RevokedBy\", \"RevocationReason\", \"Version\"";

    public string Facts { get; } = database.Table(AssessmentDbContext.Schema, AssessmentDbContext.FactsTable);

    public string RubricYears { get; } = database.Table(AssessmentDbContext.Schema, AssessmentDbContext.RubricYearsTable);

    /// <summary>
    /// A fact of a request id already stored (by a racing instance, on PostgreSQL) is left as it is: the insert then
    /// returns no row, and the writer answers with the stored one.
    /// </summary>
    public string Insert =>
        $"INSERT INTO {Facts} (\"MemberId\", \"StaffNumber\", \"Year\", \"Kind\", \"OccurredOn\", \"Count\", \"PointsTenths\", \"Note\", \"RecordedBy\", " +
        "\"RecordedAtUtcTicks\", \"RequestId\", \"RevokedBy\", \"RevocationReason\", \"Version\") " +
        "VALUES (@member, @staff, @year, @kind, @occurred, @count, @points, @note, @by, @at, @request, '', '', 1) " +
        "ON CONFLICT (\"StaffNumber\", \"RequestId\") DO NOTHING RETURNING \"Id\"";

    /// <summary>
    /// The stored facts of a commit's request ids: one parameter however many keys, compared as row values against the
    /// unique (StaffNumber, RequestId) index, a search per key and never a scan. SQLite reads the keys from one JSON
    /// array (json_each), PostgreSQL from two arrays side by side (unnest).
    /// </summary>
    public string SelectByRequestIds => database.IsPostgreSql
        ? $"SELECT {Columns} FROM {Facts} WHERE (\"StaffNumber\", \"RequestId\") IN (SELECT s, r FROM unnest(@staff, @request) AS k(s, r))"
        : $"SELECT {Columns} FROM {Facts} WHERE (\"StaffNumber\", \"RequestId\") IN " +
          "(SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@keys))";

    /// <summary>The scoring table's current version of each year; on PostgreSQL held until the commit, so a table cannot be replaced under the facts checked against it.</summary>
    public string SelectRubricVersions(IEnumerable<int> years) =>
        $"SELECT \"Year\", \"CurrentVersion\" FROM {RubricYears} WHERE \"Year\" IN ({string.Join(",", years)})" + database.ForShare;

    public static DbParameter[] InsertParameters(DbCommand insert) =>
    [
        Add(insert, "@member", DbType.Int64), Add(insert, "@staff", DbType.String), Add(insert, "@year", DbType.Int32), Add(insert, "@kind", DbType.String),
        Add(insert, "@occurred", DbType.Date), Add(insert, "@count", DbType.Int32), Add(insert, "@points", DbType.Int64), Add(insert, "@note", DbType.String),
        Add(insert, "@by", DbType.String), Add(insert, "@at", DbType.Int64), Add(insert, "@request", DbType.String),
    ];

    public static string FormatDate(DateOnly date) => IsoDate.Format(date);

    public static Fact Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        MemberId = reader.GetInt64(1),
        StaffNumber = reader.GetString(2),
        Year = reader.GetInt32(3),
        Kind = reader.GetString(4),
        OccurredOn = reader.GetFieldValue<DateOnly>(5),
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

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
