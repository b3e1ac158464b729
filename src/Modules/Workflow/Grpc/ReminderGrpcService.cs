using System.Runtime.CompilerServices;
using Chuangji.Workflow.BuildingBlocks.Identity;
using Chuangji.Workflow.Modules.Workflow.Features.AckReminder;
using Chuangji.Workflow.Modules.Workflow.Features.ListReminders;
using Chuangji.Workflow.Modules.Workflow.Features.WatchReminders;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Chuangji.Workflow.V1;
using Grpc.Core;
using Microsoft.Extensions.Hosting;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

/// <summary>
/// The reminder feed. The stream reads after its cursor, sends, and waits for the next reminders made.
/// The stream reads through <see cref="ReminderBatches"/> rather than a handler of the call's scope: it lives as long
/// as its caller stays, hours for a messaging bridge, and must not hold one DbContext all that time.
/// </summary>
internal sealed class ReminderGrpcService(
    AckReminderHandler ackReminder,
    ListRemindersHandler listReminders,
    ReminderBatches batches,
    ReminderSignal signal,
    IHostApplicationLifetime lifetime) : ReminderService.ReminderServiceBase
{
    /// <summary>A missed pulse costs at most this long: the stream looks again even without one.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    public override async Task WatchReminders(WatchRemindersRequest request, IServerStreamWriter<WatchRemindersResponse> responseStream, ServerCallContext context)
    {
        if (request.AfterId < 0)
        {
            throw new BuildingBlocks.Errors.InvalidArgumentException("after_id", "must not be negative");
        }

        var cursor = new StrongBox<long>(request.AfterId);
        // The caller knows at once that the stream is open, even when there is nothing to send yet.
        await context.WriteResponseHeadersAsync([]);
        // A stream stays open until its caller leaves; a stopping service ends it rather than wait for that,
        // as UNAVAILABLE (retryable), so a bridge can tell it from a finished stream and resume from its cursor.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await SendUntilEndedAsync(request, cursor, responseStream, ending.Token);
        }
        catch (Exception exception) when (exception is not RpcException
            && lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Said below. Work cut short by the stop ends as whatever it was doing said: a cancellation, the database's
            // own "interrupted" (SQLite interrupts a running statement when its token is cancelled), a connection or a
            // service already disposed. The stop, all the same: the caller resumes from its cursor elsewhere.
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the service is stopping: reconnect and resume after id {cursor.Value}"));
        }
    }

    /// <summary>Sends what follows the cursor, then waits for more, until the token ends; the cursor holds the last id sent.</summary>
    private async Task SendUntilEndedAsync(
        WatchRemindersRequest request, StrongBox<long> cursor, IServerStreamWriter<WatchRemindersResponse> responseStream, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = signal.Next;
            var batch = await batches.AfterAsync(cursor.Value, request.UndeliveredOnly, cancellationToken);

            foreach (var reminder in batch)
            {
                await responseStream.WriteAsync(new WatchRemindersResponse { Reminder = reminder.ToProto() }, cancellationToken);
                cursor.Value = reminder.Id;
            }

            if (batch.Count < WatchRemindersHandler.StreamBatch)
            {
                try
                {
                    await next.WaitAsync(Recheck, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Look again anyway.
                }
            }
        }
    }

    public override async Task<AckReminderResponse> AckReminder(AckReminderRequest request, ServerCallContext context) =>
        new() { Reminder = (await ackReminder.HandleAsync(request.Id, CallerIdentity.Or(request.DeliveredBy), context.CancellationToken)).ToProto() };

    public override async Task<ListRemindersResponse> ListReminders(ListRemindersRequest request, ServerCallContext context)
    {
        var page = await listReminders.HandleAsync(
            request.Year, request.StaffNumber, request.BranchCode, request.UndeliveredOnly, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListRemindersResponse { NextPageToken = page.NextPageToken };
        response.Reminders.AddRange(page.Reminders.Select(r => r.ToProto()));
        return response;
    }
}
