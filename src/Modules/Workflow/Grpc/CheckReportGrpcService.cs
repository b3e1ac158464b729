using Chuangji.Workflow.Modules.Workflow.Features.GetCheckReport;
using Chuangji.Workflow.Modules.Workflow.Features.ListCheckReports;
using Chuangji.Workflow.V1;
using Grpc.Core;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

internal sealed class CheckReportGrpcService(ListCheckReportsHandler listCheckReports, GetCheckReportHandler getCheckReport) : CheckReportService.CheckReportServiceBase
{
    public override async Task<ListCheckReportsResponse> ListCheckReports(ListCheckReportsRequest request, ServerCallContext context)
    {
        var page = await listCheckReports.HandleAsync(request.Year, (int)request.Kind, request.BranchCode, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListCheckReportsResponse { NextPageToken = page.NextPageToken };
        response.Reports.AddRange(page.Reports.Select(r => r.ToProto(withFindings: false)));
        return response;
    }

    public override async Task<GetCheckReportResponse> GetCheckReport(GetCheckReportRequest request, ServerCallContext context) =>
        new() { Report = (await getCheckReport.HandleAsync(request.Id, context.CancellationToken)).ToProto(withFindings: true) };
}
