using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>
/// Puts the call's audit record into the first transaction a module commits for the call: the record and
/// the change stand or fall together. A transaction that then fails to commit gives the record back.
/// </summary>
internal sealed class AuditCommitInterceptor : DbTransactionInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, AuditEntry> _carried = [];

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Claim(transaction) is { } entry)
        {
            AuditSql.Write(transaction.Connection!, transaction, entry, AuditSql.Ok, string.Empty);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Claim(transaction) is { } entry)
        {
            await AuditSql.WriteAsync(transaction.Connection!, transaction, entry, AuditSql.Ok, string.Empty, cancellationToken);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => _carried.Remove(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _carried.Remove(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => GiveBack(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveBack(transaction);
        return Task.CompletedTask;
    }

    private AuditEntry? Claim(DbTransaction transaction)
    {
        var entry = AuditScope.Current;
        if (entry is null || !entry.TryClaim())
        {
            return null;
        }

        _carried.AddOrUpdate(transaction, entry);
        return entry;
    }

    private void GiveBack(DbTransaction transaction)
    {
        if (_carried.TryGetValue(transaction, out var entry))
        {
            entry.Release();
            _carried.Remove(transaction);
        }
    }
}
