using Chuangji.Workflow.V1;
using Chuangji.Workflow.Workflow.Features.GetDefaultCalendar;
using Grpc.Core;

namespace Chuangji.Workflow.Workflow.Grpc;

/// <summary>Thin: maps each call onto its handler and the answer back onto the contract.</summary>
internal sealed class WorkflowGrpcService(GetDefaultCalendarHandler getDefaultCalendar) : WorkflowService.WorkflowServiceBase
{
    public override Task<GetDefaultCalendarResponse> GetDefaultCalendar(GetDefaultCalendarRequest request, ServerCallContext context) =>
        Task.FromResult(new GetDefaultCalendarResponse { Calendar = getDefaultCalendar.Handle(request.Year).ToProto() });
}
