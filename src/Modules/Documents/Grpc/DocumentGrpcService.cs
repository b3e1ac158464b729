using Chuangji.Documents.V1;
using Chuangji.Workflow.Modules.Documents.Delivery;
using Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;
using Chuangji.Workflow.Modules.Documents.Features.GetScoringTable;
using Grpc.Core;

namespace Chuangji.Workflow.Modules.Documents.Grpc;

internal sealed class DocumentGrpcService(GetPublicityListHandler publicityList, GetScoringTableHandler scoringTable) : DocumentService.DocumentServiceBase
{
    public override async Task GetPublicityList(GetPublicityListRequest request, IServerStreamWriter<GetPublicityListResponse> responseStream, ServerCallContext context) =>
        await SendAsync(await publicityList.HandleAsync(request, context.CancellationToken), chunk => responseStream.WriteAsync(new GetPublicityListResponse { Chunk = chunk }), context);

    public override async Task GetScoringTable(GetScoringTableRequest request, IServerStreamWriter<GetScoringTableResponse> responseStream, ServerCallContext context) =>
        await SendAsync(await scoringTable.HandleAsync(request, context.CancellationToken), chunk => responseStream.WriteAsync(new GetScoringTableResponse { Chunk = chunk }), context);

    private static async Task SendAsync(DocumentFile file, Func<DocumentChunk, Task> send, ServerCallContext context)
    {
        await using var chunks = new ChunkStream(file, send);
        await file.WriteAsync(chunks, context.CancellationToken);
        await chunks.CompleteAsync();
    }
}
