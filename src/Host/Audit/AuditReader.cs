using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;

namespace Chuangji.Workflow.Host.Audit;

internal sealed record AuditRow(long Id, long AtUtcTicks, string Subject, string Role, string Rpc, string Target, string StaffNumber, string BranchCode, string RequestId, string Outcome, string Detail);

internal sealed record AuditFilter(string StaffNumber, string BranchCode, string Actor, long? FromUtcTicks, long? ToUtcTicks);

/// <summary>Pages through the audit trail, oldest first, by member, branch, actor and time.</summary>
internal sealed class AuditReader(SqliteDatabase database)
{
    public async Task<(List<AuditRow> Rows, string NextPageToken)> ListAsync(AuditFilter filter, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var fingerprint = $"audit|{filter}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var where = new List<string> { "Id > $after" };
        select.Parameters.AddWithValue("$after", page.AfterId() ?? 0);
        Filter(select, where, "StaffNumber = $staff", "$staff", filter.StaffNumber);
        Filter(select, where, "BranchCode = $branch", "$branch", filter.BranchCode);
        Filter(select, where, "Subject = $actor", "$actor", filter.Actor);
        if (filter.FromUtcTicks is { } from)
        {
            where.Add("AtUtcTicks >= $from");
            select.Parameters.AddWithValue("$from", from);
        }

        if (filter.ToUtcTicks is { } to)
        {
            where.Add("AtUtcTicks < $to");
            select.Parameters.AddWithValue("$to", to);
        }

        select.CommandText =
            "SELECT Id, AtUtcTicks, Subject, Role, Rpc, Target, StaffNumber, BranchCode, RequestId, Outcome, Detail FROM " + AuditSql.Table +
            " WHERE " + string.Join(" AND ", where) + " ORDER BY Id LIMIT $limit";
        select.Parameters.AddWithValue("$limit", page.Size + 1);
        var rows = new List<AuditRow>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AuditRow(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10)));
        }

        return KeysetPage.Cut(rows, page, r => KeysetPage.IdKey(r.Id), fingerprint);
    }

    private static void Filter(SqliteCommand select, List<string> where, string clause, string name, string value)
    {
        if (value.Length > 0)
        {
            where.Add(clause);
            select.Parameters.AddWithValue(name, value);
        }
    }
}
