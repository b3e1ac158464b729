using Chuangji.Documents.V1;
using Chuangji.Workflow.Modules.Documents.Delivery;
using Chuangji.Workflow.Modules.Documents.Features.GetCollegeOverview;
using Chuangji.Workflow.Modules.Documents.Features.GetCollegeProgress;
using Chuangji.Workflow.Modules.Documents.Features.GetDossier;
using Chuangji.Workflow.Modules.Documents.Features.GetOutcomeList;
using Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;
using Chuangji.Workflow.Modules.Documents.Features.GetScoringTable;
using Grpc.Core;

namespace Chuangji.Workflow.Modules.Documents.Grpc;

internal sealed class DocumentGrpcService(
    GetPublicityListHandler publicityList,
    GetScoringTableHandler scoringTable,
    GetOutcomeListHandler outcomeList,
    GetDossierHandler dossier,
    GetCollegeOverviewHandler collegeOverview,
    GetCollegeProgressHandler collegeProgress) : DocumentService.DocumentServiceBase
{
    public override async Task GetPublicityList(GetPublicityListRequest request, IServerStreamWriter<GetPublicityListResponse> responseStream, ServerCallContext context) =>
        await SendAsync(await publicityList.HandleAsync(request, context.CancellationToken), chunk => responseStream.WriteAsync(new GetPublicityListResponse { Chunk = chunk }, context.CancellationToken), context);

    public override async Task GetScoringTable(GetScoringTableRequest request, IServerStreamWriter<GetScoringTableResponse> responseStream, ServerCallContext context) =>
        await SendAsync(await scoringTable.HandleAsync(request, context.CancellationToken), chunk => responseStream.WriteAsync(new GetScoringTableResponse { Chunk = chunk }, context.CancellationToken), context);

    public override async Task GetOutcomeList(GetOutcomeListRequest request, IServerStreamWriter<GetOutcomeListResponse> responseStream, ServerCallContext context) =>
        await SendAsync(await outcomeList.HandleAsync(request, context.CancellationToken), chunk => responseStream.WriteAsync(new GetOutcomeListResponse { Chunk = chunk }, context.CancellationToken), context);

    public override async Task GetDossier(GetDossierRequest request, IServerStreamWriter<GetDossierResponse> responseStream, ServerCallContext context) =>
        await SendAsync(await dossier.HandleAsync(request, context.CancellationToken), chunk => responseStream.WriteAsync(new GetDossierResponse { Chunk = chunk }, context.CancellationToken), context);

    public override async Task GetCollegeOverview(GetCollegeOverviewRequest request, IServerStreamWriter<GetCollegeOverviewResponse> responseStream, ServerCallContext context) =>
        await SendAsync(await collegeOverview.HandleAsync(request, context.CancellationToken), chunk => responseStream.WriteAsync(new GetCollegeOverviewResponse { Chunk = chunk }, context.CancellationToken), context);

    public override Task<GetCollegeProgressResponse> GetCollegeProgress(GetCollegeProgressRequest request, ServerCallContext context) =>
        collegeProgress.HandleAsync(request, context.CancellationToken);

    private static async Task SendAsync(DocumentFile file, Func<DocumentChunk, Task> send, ServerCallContext context)
    {
        try
        {
            await using var chunks = new ChunkStream(file, send);
            await file.WriteAsync(chunks, context.CancellationToken);
            await chunks.CompleteAsync();
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away mid-file: there is no one left to answer, and nothing was changed.
        }
    }
}
