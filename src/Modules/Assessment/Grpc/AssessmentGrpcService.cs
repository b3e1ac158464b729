using Chuangji.Assessment.V1;
using Chuangji.Workflow.Assessment.Features.GetRubric;
using Grpc.Core;

namespace Chuangji.Workflow.Assessment.Grpc;

/// <summary>Thin: maps each call onto its handler and the answer back onto the contract.</summary>
internal sealed class AssessmentGrpcService(GetRubricHandler getRubric) : AssessmentService.AssessmentServiceBase
{
    public override Task<GetRubricResponse> GetRubric(GetRubricRequest request, ServerCallContext context) =>
        Task.FromResult(new GetRubricResponse { Rubric = getRubric.Handle(request.Year).ToProto() });
}
