using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using System.Data.Common;

namespace Chuangji.Workflow.Host.Audit;

internal sealed record AuditRow(long Id, long AtUtcTicks, string Subject, string Role, string Rpc, string Target, string StaffNumber, string BranchCode, string RequestId, string Outcome, string Detail)
{
    /// <summary>The members of a call about several (the record's own staff number is then empty).</summary>
    public List<string> StaffNumbers { get; } = [];
}

internal sealed record AuditFilter(string StaffNumber, string BranchCode, string Actor, long? FromUtcTicks, long? ToUtcTicks);

/// <summary>
/// Pages through the audit trail, oldest first, by member, branch, actor and time. A member or a branch
/// finds the records about them and the records of calls about several members that include them.
/// </summary>
internal sealed class AuditReader(ServiceDatabase database)
{
    private readonly (string Records, string Members) _tables = AuditSql.Tables(database);

    public async Task<(List<AuditRow> Rows, string NextPageToken)> ListAsync(AuditFilter filter, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var fingerprint = $"audit|{filter}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        var where = new List<string> { "Id > @after" };
        select.With("@after", page.AfterId() ?? 0L);
        Filter(select, where, $"(StaffNumber = @staff OR Id IN (SELECT RecordId FROM {_tables.Members} WHERE StaffNumber = @staff))", "@staff", filter.StaffNumber);
        Filter(select, where, $"(BranchCode = @branch OR Id IN (SELECT RecordId FROM {_tables.Members} WHERE BranchCode = @branch))", "@branch", filter.BranchCode);
        Filter(select, where, "Subject = @actor", "@actor", filter.Actor);
        if (filter.FromUtcTicks is { } from)
        {
            where.Add("AtUtcTicks >= @from");
            select.With("@from", from);
        }

        if (filter.ToUtcTicks is { } to)
        {
            where.Add("AtUtcTicks < @to");
            select.With("@to", to);
        }

        select.CommandText =
            "SELECT Id, AtUtcTicks, Subject, Role, Rpc, Target, StaffNumber, BranchCode, RequestId, Outcome, Detail FROM " + _tables.Records +
            " WHERE " + string.Join(" AND ", where) + " ORDER BY Id LIMIT @limit";
        select.With("@limit", page.Size + 1);
        var rows = new List<AuditRow>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AuditRow(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10)));
        }

        await reader.CloseAsync();
        var result = KeysetPage.Cut(rows, page, r => KeysetPage.IdKey(r.Id), fingerprint);
        await AddMembersAsync(connection, result.Rows.Where(r => r.StaffNumber.Length == 0).ToList(), cancellationToken);
        return result;
    }

    private async Task AddMembersAsync(DbConnection connection, List<AuditRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var byId = rows.ToDictionary(r => r.Id);
        await using var select = connection.CreateCommand();
        var ids = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            ids.Add($"@r{ids.Count}");
            select.With(ids[^1], row.Id);
        }

        select.CommandText = $"SELECT RecordId, StaffNumber FROM {_tables.Members} WHERE RecordId IN ({string.Join(", ", ids)}) ORDER BY RecordId, StaffNumber";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byId[reader.GetInt64(0)].StaffNumbers.Add(reader.GetString(1));
        }
    }

    private static void Filter(DbCommand select, List<string> where, string clause, string name, string value)
    {
        if (value.Length > 0)
        {
            where.Add(clause);
            select.With(name, value);
        }
    }
}
