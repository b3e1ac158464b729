using Chuangji.Workflow.V1;
using Chuangji.Workflow.Modules.Workflow.Features.Checks;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

internal sealed class CheckReportGrpcService(IServiceProvider services) : CheckReportService.CheckReportServiceBase
{
    public override async Task<ListCheckReportsResponse> ListCheckReports(ListCheckReportsRequest request, ServerCallContext context)
    {
        var page = await Handler().ListAsync(request.Year, (int)request.Kind, request.BranchCode, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListCheckReportsResponse { NextPageToken = page.NextPageToken };
        response.Reports.AddRange(page.Reports.Select(r => r.ToProto(withFindings: false)));
        return response;
    }

    public override async Task<GetCheckReportResponse> GetCheckReport(GetCheckReportRequest request, ServerCallContext context) =>
        new() { Report = (await Handler().GetAsync(request.Id, context.CancellationToken)).ToProto(withFindings: true) };

    private CheckReportsHandler Handler() => services.GetRequiredService<CheckReportsHandler>();
}
