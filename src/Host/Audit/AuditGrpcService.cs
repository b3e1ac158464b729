using Chuangji.Audit.V1;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Chuangji.Workflow.Host.Audit;

internal sealed class AuditGrpcService(AuditReader reader) : AuditService.AuditServiceBase
{
    public const string GrpcServiceName = "chuangji.audit.v1.AuditService";

    public override async Task<ListAuditResponse> ListAudit(ListAuditRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        foreach (var (field, value) in new[] { ("staff_number", request.StaffNumber), ("branch_code", request.BranchCode) })
        {
            if (value.Length > 0)
            {
                Identifier.Required(violations, field, value);
            }
        }

        TextField.Optional(violations, "actor", request.Actor, 64);
        var from = TimestampField.Optional(violations, "from", request.From)?.UtcTicks;
        var to = TimestampField.Optional(violations, "to", request.To)?.UtcTicks;
        violations.ThrowIfAny();
        if (from is { } start && to is { } end && end <= start)
        {
            throw new InvalidArgumentException("to", "must be after from");
        }

        var filter = new AuditFilter(request.StaffNumber, request.BranchCode, request.Actor, from, to);
        var (rows, next) = await reader.ListAsync(filter, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListAuditResponse { NextPageToken = next };
        response.Records.AddRange(rows.Select(r => new AuditRecord
        {
            Id = r.Id,
            At = Timestamp.FromDateTimeOffset(new DateTimeOffset(r.AtUtcTicks, TimeSpan.Zero)),
            Actor = r.Subject,
            Role = r.Role,
            Rpc = r.Rpc,
            Target = r.Target,
            StaffNumber = r.StaffNumber,
            BranchCode = r.BranchCode,
            RequestId = r.RequestId,
            Outcome = r.Outcome,
            Detail = r.Detail,
            StaffNumbers = { r.StaffNumbers },
        }));
        return response;
    }
}
