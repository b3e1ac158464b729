using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chuangji.Workflow.BuildingBlocks.Audit;

/// <summary>
/// EF saves a single statement without a transaction, and then there is no commit for the call's audit
/// record to ride in: while a record is waiting, every save opens one.
/// </summary>
internal sealed class AuditSaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Require(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Require(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Require(DbContext? context)
    {
        if (context is not null && AuditScope.Current is { Written: false })
        {
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }
}
