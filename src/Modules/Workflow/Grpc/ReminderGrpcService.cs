using Chuangji.Workflow.BuildingBlocks.Identity;
using Chuangji.Workflow.V1;
using Chuangji.Workflow.Workflow.Features.Reminders;
using Chuangji.Workflow.Workflow.Scheduling;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chuangji.Workflow.Workflow.Grpc;

/// <summary>The reminder feed. The stream reads after its cursor, sends, and waits for the next reminders made.</summary>
internal sealed class ReminderGrpcService(IServiceProvider services, ReminderSignal signal, IHostApplicationLifetime lifetime) : ReminderService.ReminderServiceBase
{
    /// <summary>A missed pulse costs at most this long: the stream looks again even without one.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    public override async Task WatchReminders(WatchRemindersRequest request, IServerStreamWriter<WatchRemindersResponse> responseStream, ServerCallContext context)
    {
        if (request.AfterId < 0)
        {
            throw new BuildingBlocks.Errors.InvalidArgumentException("after_id", "must not be negative");
        }

        var cursor = request.AfterId;
        // A stream stays open until its caller leaves; a stopping service ends it rather than wait for that.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var cancellationToken = ending.Token;
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = signal.Next;
            List<Domain.Reminders.Reminder> batch;
            await using (var scope = services.CreateAsyncScope())
            {
                batch = await scope.ServiceProvider.GetRequiredService<RemindersHandler>().AfterAsync(cursor, request.UndeliveredOnly, cancellationToken);
            }

            foreach (var reminder in batch)
            {
                await responseStream.WriteAsync(new WatchRemindersResponse { Reminder = reminder.ToProto() }, cancellationToken);
                cursor = reminder.Id;
            }

            if (batch.Count < RemindersHandler.StreamBatch)
            {
                try
                {
                    await next.WaitAsync(Recheck, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Look again anyway.
                }
                catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    public override async Task<AckReminderResponse> AckReminder(AckReminderRequest request, ServerCallContext context) =>
        new() { Reminder = (await Handler().AckAsync(request.Id, CallerIdentity.Or(request.DeliveredBy), context.CancellationToken)).ToProto() };

    public override async Task<ListRemindersResponse> ListReminders(ListRemindersRequest request, ServerCallContext context)
    {
        var page = await Handler().ListAsync(
            request.Year, request.StaffNumber, request.BranchCode, request.UndeliveredOnly, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListRemindersResponse { NextPageToken = page.NextPageToken };
        response.Reminders.AddRange(page.Reminders.Select(r => r.ToProto()));
        return response;
    }

    private RemindersHandler Handler() => services.GetRequiredService<RemindersHandler>();
}
