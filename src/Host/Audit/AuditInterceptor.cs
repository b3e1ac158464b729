using System.Collections;
using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Grpc;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Host.Grpc;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Members.Contracts;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Chuangji.Workflow.Host.Audit;

/// <summary>
/// Every mutating call of the modules' services leaves one audit record: who (the token's subject and
/// role), which RPC, on what, the request id, when, and the outcome. A call that changes something has it
/// written in the same transaction as its first change (the modules' commits carry <see cref="AuditScope"/>);
/// a call refused, failed or changing nothing has it written at its end. An anonymous opinion's record
/// carries no identity. The member a call is about is the one it names, the revoked fact's member, or the
/// one member of a batch; a batch of several members names them all, so a member's trail finds it too.
/// </summary>
internal sealed class AuditInterceptor(AuditWriter writer, IMembersModule members, IAssessmentModule assessment, CollegeClock clock) : Interceptor
{
    private static readonly string[] ReadOnlyPrefixes = ["Get", "List", "Watch", "Summarize"];

    /// <summary>The repeated fields whose rows each name a member (RecordEvents, ImportMembers).</summary>
    private static readonly string[] MemberRows = ["facts", "members"];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsMutating(context.Method) || IsPreview((IMessage)request!))
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

    /// <summary>A request with <c>validate_only</c> set (AIP-163) changes nothing, so it leaves no record of a change.</summary>
    private static bool IsPreview(IMessage request) =>
        request.Descriptor.FindFieldByName("validate_only") is { FieldType: Google.Protobuf.Reflection.FieldType.Bool } field && field.Accessor.GetValue(request) is true;

    private static bool IsMutating(string method)
    {
        var name = method[(method.LastIndexOf('/') + 1)..];
        return method.StartsWith("/chuangji.", StringComparison.Ordinal) && !ReadOnlyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
    }

    private async Task<AuditEntry> EntryAsync(IMessage request, ServerCallContext context)
    {
        var caller = Caller.From(context.GetHttpContext().User);
        var (staffNumber, several) = await MembersNamedAsync(request, context.CancellationToken);
        var branchCode = RequestFields.Text(request, "branch_code", "member.branch_code", "code");
        branchCode = Identifier.IsWellFormed(branchCode) ? branchCode : string.Empty;
        if (branchCode.Length == 0 && staffNumber.Length > 0)
        {
            branchCode = (await members.FindMemberAsync(staffNumber, context.CancellationToken))?.BranchCode ?? string.Empty;
        }

        if (branchCode.Length == 0 && several.Select(m => m.BranchCode).Distinct().ToList() is [{ Length: > 0 } onlyBranch])
        {
            branchCode = onlyBranch;
        }

        var anonymous = RequestFields.Value(request, "anonymous") is true;
        return new AuditEntry
        {
            Subject = anonymous ? string.Empty : caller?.Subject ?? string.Empty,
            Role = anonymous || caller is null ? string.Empty : CallerClaims.Name(caller.Role),
            Rpc = context.Method.TrimStart('/'),
            Target = RequestFields.Describe(request, staffNumber),
            StaffNumber = staffNumber,
            BranchCode = branchCode,
            Members = several,
            RequestId = anonymous ? string.Empty : RequestId(request, context),
            // The opinion itself keeps only its day; so does its record.
            AtUtcTicks = anonymous ? clock.StartOf(clock.Today).UtcTicks : clock.UtcNow.UtcTicks,
            Anonymous = anonymous,
        };
    }

    /// <summary>
    /// The one member a call is about (named, the revoked fact's, or the only one of its rows), or else
    /// every member its rows name, each with their branch (the stored member's, or the row's for a newcomer).
    /// </summary>
    private async Task<(string StaffNumber, IReadOnlyList<AuditMember> Several)> MembersNamedAsync(IMessage request, CancellationToken cancellationToken)
    {
        // What a record keeps of a request is small whatever the caller sends: a value that is no identifier
        // names no member and is not kept (the refusal says what was wrong with it).
        var named = RequestFields.Text(request, "staff_number", "fact.staff_number", "member.staff_number");
        if (named.Length > 0)
        {
            return (Identifier.IsWellFormed(named) ? named : string.Empty, []);
        }

        if (RequestFields.Value(request, "fact_id") is long factId and > 0)
        {
            return (await assessment.FactStaffNumberAsync(factId, cancellationToken) ?? string.Empty, []);
        }

        var rows = MemberRows.Select(field => RequestFields.Value(request, field)).OfType<IList>().SelectMany(list => list.OfType<IMessage>())
            .Select(row => (StaffNumber: RequestFields.Text(row, "staff_number"), BranchCode: RequestFields.Text(row, "branch_code")))
            .Where(row => Identifier.IsWellFormed(row.StaffNumber))
            .Select(row => row with { BranchCode = Identifier.IsWellFormed(row.BranchCode) ? row.BranchCode : string.Empty })
            .DistinctBy(row => row.StaffNumber, StringComparer.Ordinal)
            .ToList();
        switch (rows)
        {
            case []:
                return (string.Empty, []);
            case [var one]:
                return (one.StaffNumber, []);
        }

        var stored = await members.FindMembersAsync(rows.Select(r => r.StaffNumber).ToList(), cancellationToken);
        return (string.Empty, rows.Select(r => new AuditMember(r.StaffNumber, stored.TryGetValue(r.StaffNumber, out var member) ? member.BranchCode : r.BranchCode)).ToList());
    }

    /// <summary>As sent: the audit table bounds every column when it writes the record.</summary>
    private static string RequestId(IMessage request, ServerCallContext context) =>
        context.RequestHeaders.GetValue("x-request-id") is { Length: > 0 } header ? header : RequestFields.Text(request, "request_id", "fact.request_id");

    private static (string Outcome, string Detail) OutcomeOf(Exception exception) => exception switch
    {
        DomainException refusal => (DomainErrorStatus.CanonicalName(DomainErrorStatus.CodeOf(refusal)), refusal.Message),
        RpcException rpc => (DomainErrorStatus.CanonicalName(rpc.StatusCode), rpc.Status.Detail),
        OperationCanceledException => (DomainErrorStatus.CanonicalName(StatusCode.Cancelled), "the caller went away"),
        _ => (DomainErrorStatus.CanonicalName(StatusCode.Internal), "internal error"),
    };
}
