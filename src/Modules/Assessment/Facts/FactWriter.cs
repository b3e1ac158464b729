using Chuangji.Workflow.BuildingBlocks.Telemetry;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.Facts;

namespace Chuangji.Workflow.Modules.Assessment.Facts;

/// <summary>
/// The one writer of the fact ledger in this process. Requests queue their facts; the writer commits everything
/// queued in one transaction (one fsync for many requests: SQLite has a single writer anyway) and answers each
/// request only after that commit. Request ids are checked inside the same transaction, so a retry, even one
/// racing the original, is answered with the original fact and never counts twice. On PostgreSQL another
/// instance's writer may commit the same request id between the check and the insert: the insert then stores
/// nothing (ON CONFLICT DO NOTHING waits for that commit) and the answer is the stored fact, as for any retry.
/// </summary>
internal sealed class FactWriter(ServiceDatabase database, TimeProvider time, ServiceMetrics metrics) : IAsyncDisposable
{
    private const int MaxFactsPerCommit = 2_000;

    /// <summary>A batch that lost to another instance's transaction (a deadlock on PostgreSQL) is tried again whole: it committed nothing.</summary>
    private const int AttemptsPerBatch = 3;

    private readonly FactSql _sql = new(database);

    /// <summary>The writer loop's own connection, kept open between batches.</summary>
    private DbConnection? _connection;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;

    public Task<IReadOnlyList<FactWriteOutcome>> WriteAsync(IReadOnlyList<NewFact> facts)
    {
        EnsureStarted();
        // The call's audit record rides with its facts into the commit that stores them, on the writer's own
        // thread, where the ambient scope does not reach (ADR 15).
        var pending = new PendingWrite(facts, AuditScope.Current);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(FactWriter), "the service is stopping");
        }

        // A caller that stops waiting does not undo the write, and the call waits for it (a commit is a few
        // milliseconds): its audit record is then the one the commit wrote, not a "cancelled" that hides it.
        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop;
        }
    }

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var facts = 0;
            while (facts < MaxFactsPerCommit && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                facts += pending.Facts.Count;
            }

            try
            {
                var outcomes = CommitWithRetry(batch);
                metrics.FactCommits.Add(1);
                metrics.FactsPerCommit.Record(facts);
                metrics.FactsRecorded.Add(outcomes.Sum(o => o.Count(f => f.Result == FactWriteResult.Recorded)));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception exception)
            {
                // Only this batch fails (nothing of it was committed); the next opens a fresh connection.
                _connection?.Dispose();
                _connection = null;
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(exception);
                }
            }
        }

        _connection?.Dispose();
    }

    private List<IReadOnlyList<FactWriteOutcome>> CommitWithRetry(List<PendingWrite> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            _connection ??= database.Open();
            try
            {
                return Commit(_connection, batch);
            }
            catch (Exception exception) when (attempt < AttemptsPerBatch && DatabaseErrors.IsContention(exception))
            {
                _connection.Dispose();
                _connection = null;
            }
        }
    }

    private List<IReadOnlyList<FactWriteOutcome>> Commit(DbConnection connection, List<PendingWrite> batch)
    {
        using var transaction = connection.BeginTransaction();
        var recordedAt = time.GetUtcNow().UtcTicks;
        var keys = batch.SelectMany(p => p.Facts).Select(f => (f.StaffNumber, f.RequestId)).ToList();
        var known = LoadByRequestId(connection, transaction, keys);
        var tables = LoadRubricVersions(connection, transaction, batch.SelectMany(p => p.Facts).Select(f => f.Year));
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = _sql.Insert;
        var parameters = FactSql.InsertParameters(insert);
        insert.Prepare();

        var outcomes = new List<IReadOnlyList<FactWriteOutcome>>(batch.Count);
        foreach (var pending in batch)
        {
            var answers = new List<FactWriteOutcome>(pending.Facts.Count);
            foreach (var fact in pending.Facts)
            {
                if (known.TryGetValue((fact.StaffNumber, fact.RequestId), out var original))
                {
                    answers.Add(AnswerWithStored(original, fact));
                    continue;
                }

                if (tables.GetValueOrDefault(fact.Year, 1) is var current && current != fact.RubricVersion)
                {
                    answers.Add(new FactWriteOutcome(FactWriteResult.StaleRubric, null, [], current));
                    continue;
                }

                if (InsertOne(insert, parameters, fact, recordedAt) is { } stored)
                {
                    known[(fact.StaffNumber, fact.RequestId)] = stored;
                    answers.Add(new FactWriteOutcome(FactWriteResult.Recorded, stored, []));
                    continue;
                }

                // Another instance committed this request id since the check: its fact is the answer, as for a retry.
                var raced = LoadByRequestId(connection, transaction, [(fact.StaffNumber, fact.RequestId)])[(fact.StaffNumber, fact.RequestId)];
                known[(fact.StaffNumber, fact.RequestId)] = raced;
                answers.Add(AnswerWithStored(raced, fact));
            }

            outcomes.Add(answers);
        }

        // A call whose facts were all refused here (conflict, stale table) changed nothing: its refusal is recorded at its end.
        var audited = new List<AuditEntry>();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Audit is { } entry && outcomes[i].Any(o => o.Result is FactWriteResult.Recorded or FactWriteResult.Replayed) && entry.TryClaim())
                {
                    audited.Add(entry);
                    AuditSql.Write(connection, transaction, entry, AuditSql.Ok, string.Empty);
                }
            }

            transaction.Commit();
        }
        catch
        {
            // Nothing of the batch was committed: its records are given back, for the next attempt or the call's end to write.
            audited.ForEach(entry => entry.Release());
            throw;
        }

        return outcomes;
    }

    /// <summary>The stored facts of a commit's request ids, by member and request id (ids are unique per member).</summary>
    private Dictionary<(string StaffNumber, string RequestId), Fact> LoadByRequestId(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<(string StaffNumber, string RequestId)> keys)
    {
        var found = new Dictionary<(string, string), Fact>();
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = _sql.SelectByRequestIds;
        var distinct = keys.Distinct().ToList();
        if (database.IsPostgreSql)
        {
            select.With("@staff", distinct.Select(k => k.StaffNumber).ToArray());
            select.With("@request", distinct.Select(k => k.RequestId).ToArray());
        }
        else
        {
            select.With("@keys", JsonSerializer.Serialize(distinct.Select(k => new[] { k.StaffNumber, k.RequestId })));
        }

        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var fact = FactSql.Read(reader);
            found[(fact.StaffNumber, fact.RequestId)] = fact;
        }

        return found;
    }

    private Dictionary<int, int> LoadRubricVersions(DbConnection connection, DbTransaction transaction, IEnumerable<int> years)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = _sql.SelectRubricVersions(years.Distinct());
        var versions = new Dictionary<int, int>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            versions[reader.GetInt32(0)] = reader.GetInt32(1);
        }

        return versions;
    }

    /// <summary>The stored fact, or null when the request id was stored meanwhile by another instance.</summary>
    private static Fact? InsertOne(DbCommand insert, DbParameter[] p, NewFact fact, long recordedAt)
    {
        p[0].Value = fact.MemberId;
        p[1].Value = fact.StaffNumber;
        p[2].Value = fact.Year;
        p[3].Value = fact.Kind;
        p[4].Value = fact.OccurredOn;
        p[5].Value = fact.Count;
        p[6].Value = fact.PointsTenths is { } tenths ? tenths : DBNull.Value;
        p[7].Value = fact.Note;
        p[8].Value = fact.RecordedBy;
        p[9].Value = recordedAt;
        p[10].Value = fact.RequestId;
        if (insert.ExecuteScalar() is not long id)
        {
            return null;
        }

        return new Fact
        {
            Id = id,
            MemberId = fact.MemberId,
            StaffNumber = fact.StaffNumber,
            Year = fact.Year,
            Kind = fact.Kind,
            OccurredOn = fact.OccurredOn,
            Count = fact.Count,
            PointsTenths = fact.PointsTenths,
            Note = fact.Note,
            RecordedBy = fact.RecordedBy,
            RecordedAtUtcTicks = recordedAt,
            RequestId = fact.RequestId,
            Version = 1,
        };
    }

    /// <summary>
    /// A request id already stored: the stored fact, replayed, or a conflict naming what differs. The scheme's own fact is
    /// named by its request id alone: a phase closed early and then again at its deadline (another date) is the same
    /// fact, never a second one and never a conflict.
    /// </summary>
    private static FactWriteOutcome AnswerWithStored(Fact stored, NewFact retry)
    {
        IReadOnlyList<FieldViolation> differences = retry.BySystem ? [] : Differences(stored, retry);
        return new FactWriteOutcome(differences.Count == 0 ? FactWriteResult.Replayed : FactWriteResult.Conflict, stored, differences);
    }

    /// <summary>What differs from the stored fact of the same member and request id, for the caller to see their mistake.</summary>
    private static IReadOnlyList<FieldViolation> Differences(Fact original, NewFact retry) =>
        new Differences("request id was used for")
            .Compare("kind", original.Kind, retry.Kind)
            .Compare("occurred_on", FactSql.FormatDate(original.OccurredOn), FactSql.FormatDate(retry.OccurredOn))
            .Compare("count", Text(original.Count), Text(retry.Count))
            .Compare("points", Text(original.PointsTenths / 10m), Text(retry.PointsTenths / 10m))
            .Compare("note", original.Note, retry.Note)
            .Items;

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private sealed class PendingWrite(IReadOnlyList<NewFact> facts, AuditEntry? audit)
    {
        public IReadOnlyList<NewFact> Facts { get; } = facts;

        public AuditEntry? Audit { get; } = audit;

        public TaskCompletionSource<IReadOnlyList<FactWriteOutcome>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
