using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Grpc;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Host.Grpc;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Members.Contracts;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Chuangji.Workflow.Host.Audit;

/// <summary>
/// Every mutating call of the modules' services leaves one audit record: who (the token's subject and
/// role), which RPC, on what, the request id, when, and the outcome. A call that changes something has it
/// written in the same transaction as its first change (the modules' commits carry <see cref="AuditScope"/>);
/// a call refused, failed or changing nothing has it written at its end. An anonymous opinion's record
/// carries no identity.
/// </summary>
internal sealed class AuditInterceptor(AuditWriter writer, IMembersModule members, CollegeClock clock) : Interceptor
{
    private static readonly string[] ReadOnlyPrefixes = ["Get", "List", "Watch", "Summarize"];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsMutating(context.Method))
        {
            return await continuation(request, context);
        }

        var entry = await EntryAsync((IMessage)request!, context);
        using var scope = AuditScope.Begin(entry);
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (Exception exception)
        {
            var (outcome, detail) = OutcomeOf(exception);
            detail = entry.Anonymous ? string.Empty : detail;
            // A failure after a committed change is a record of its own: the change stands, and so does the refusal.
            await writer.WriteAsync(entry.Written ? entry.Copy() : entry, outcome, detail);
            throw;
        }

        await writer.WriteAsync(entry, AuditSql.Ok, string.Empty);
        return response;
    }

    private static bool IsMutating(string method)
    {
        var name = method[(method.LastIndexOf('/') + 1)..];
        return method.StartsWith("/chuangji.", StringComparison.Ordinal) && !ReadOnlyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
    }

    private async Task<AuditEntry> EntryAsync(IMessage request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var staffNumber = RequestFields.Text(request, "staff_number", "fact.staff_number", "member.staff_number");
        var branchCode = RequestFields.Text(request, "branch_code", "member.branch_code", "code");
        if (branchCode.Length == 0 && staffNumber.Length > 0)
        {
            branchCode = (await members.FindMemberAsync(staffNumber, context.CancellationToken))?.BranchCode ?? string.Empty;
        }

        var anonymous = RequestFields.Value(request, "anonymous") is true;
        return new AuditEntry
        {
            Subject = anonymous ? string.Empty : caller?.Subject ?? string.Empty,
            Role = anonymous || caller is null ? string.Empty : CallerClaims.Name(caller.Role),
            Rpc = context.Method.TrimStart('/'),
            Target = RequestFields.Describe(request),
            StaffNumber = staffNumber,
            BranchCode = branchCode,
            RequestId = anonymous ? string.Empty : RequestId(request, context),
            // The opinion itself keeps only its day; so does its record.
            AtUtcTicks = anonymous ? clock.StartOf(clock.Today).UtcTicks : clock.UtcNow.UtcTicks,
            Anonymous = anonymous,
        };
    }

    private static string RequestId(IMessage request, ServerCallContext context) =>
        context.RequestHeaders.GetValue("x-request-id") is { Length: > 0 } header
            ? header
            : RequestFields.Text(request, "request_id", "fact.request_id");

    private static (string Outcome, string Detail) OutcomeOf(Exception exception) => exception switch
    {
        DomainException refusal => (DomainErrorStatus.CanonicalName(DomainErrorStatus.CodeOf(refusal)), refusal.Message),
        RpcException rpc => (DomainErrorStatus.CanonicalName(rpc.StatusCode), rpc.Status.Detail),
        OperationCanceledException => (DomainErrorStatus.CanonicalName(StatusCode.Cancelled), "the caller went away"),
        _ => (DomainErrorStatus.CanonicalName(StatusCode.Internal), "internal error"),
    };
}
