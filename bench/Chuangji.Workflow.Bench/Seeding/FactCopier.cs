using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Npgsql;
using NpgsqlTypes;

namespace Chuangji.Workflow.Bench.Seeding;

/// <summary>
/// Seeding on PostgreSQL: the planned facts streamed into the ledger with COPY (binary) as they are enumerated, the
/// rows as FactSql.Insert would write them (revocation empty, version 1). Millions of facts take seconds to minutes instead of hours of
/// row-by-row inserts; nothing measured depends on how the rows were written.
/// </summary>
internal static class FactCopier
{
    public static async Task<long> CopyAsync(
        ServiceDatabase database, IEnumerable<PlannedFact> facts, IReadOnlyList<long> memberIds, string tag, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var table = new FactSql(database).Facts;
        // Written synchronously, field by field: an await per field would cost more than the server's work.
        using var import = connection.BeginBinaryImport(
            $"COPY {table} (\"MemberId\", \"StaffNumber\", \"Year\", \"Kind\", \"OccurredOn\", \"Count\", \"PointsTenths\", \"Note\", \"RecordedBy\", " +
            "\"RecordedAtUtcTicks\", \"RequestId\", \"RevokedBy\", \"RevocationReason\", \"Version\") FROM STDIN (FORMAT BINARY)");
        import.Timeout = TimeSpan.Zero;
        var rows = 0L;
        foreach (var fact in facts)
        {
            if (rows++ % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            import.StartRow();
            import.Write(memberIds[fact.Member], NpgsqlDbType.Bigint);
            import.Write(fact.StaffNumber, NpgsqlDbType.Varchar);
            import.Write(fact.OccurredOn.Year, NpgsqlDbType.Integer);
            import.Write(fact.Kind, NpgsqlDbType.Varchar);
            import.Write(fact.OccurredOn, NpgsqlDbType.Date);
            import.Write(fact.Count, NpgsqlDbType.Integer);
            if (fact.PointsTenths is { } tenths)
            {
                import.Write(tenths, NpgsqlDbType.Bigint);
            }
            else
            {
                import.WriteNull();
            }

            import.Write(fact.Note, NpgsqlDbType.Varchar);
            import.Write(fact.RecordedBy, NpgsqlDbType.Varchar);
            import.Write(fact.RecordedAtUtcTicks, NpgsqlDbType.Bigint);
            import.Write(fact.RequestKey(tag), NpgsqlDbType.Varchar);
            import.Write(string.Empty, NpgsqlDbType.Varchar);
            import.Write(string.Empty, NpgsqlDbType.Varchar);
            import.Write(1L, NpgsqlDbType.Bigint);
        }

        return (long)import.Complete();
    }
}
