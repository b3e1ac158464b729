using System.Data.Common;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.Modules.Assessment.Facts;

namespace Chuangji.Workflow.Bench.Seeding;

/// <summary>Writes planned facts with the very statement the service's FactWriter prepares (FactSql.Insert), on either provider.</summary>
internal sealed class FactInserter : IDisposable
{
    private readonly DbCommand _insert;
    private readonly DbParameter[] _parameters;

    public FactInserter(DbConnection connection, ServiceDatabase database)
    {
        _insert = connection.CreateCommand();
        _insert.CommandText = new FactSql(database).Insert;
        _parameters = FactSql.InsertParameters(_insert);
    }

    public void Insert(DbTransaction transaction, PlannedFact fact, long memberId, string requestId)
    {
        _insert.Transaction = transaction;
        _parameters[0].Value = memberId;
        _parameters[1].Value = fact.StaffNumber;
        _parameters[2].Value = fact.OccurredOn.Year;
        _parameters[3].Value = fact.Kind;
        _parameters[4].Value = fact.OccurredOn;
        _parameters[5].Value = fact.Count;
        _parameters[6].Value = fact.PointsTenths is { } tenths ? tenths : DBNull.Value;
        _parameters[7].Value = fact.Note;
        _parameters[8].Value = fact.RecordedBy;
        _parameters[9].Value = fact.RecordedAtUtcTicks;
        _parameters[10].Value = requestId;
        _insert.ExecuteScalar();
    }

    public void Dispose() => _insert.Dispose();
}
