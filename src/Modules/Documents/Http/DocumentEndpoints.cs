using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Http;
using Chuangji.Workflow.Modules.Documents.Delivery;
using Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;
using Chuangji.Workflow.Modules.Documents.Features.GetScoringTable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Chuangji.Workflow.Modules.Documents.Http;

/// <summary>
/// The documents over plain HTTP, each route standing for its RPC with the request that RPC takes, so the RPC's
/// policy decides who may fetch it (<see cref="IHttpCallGate"/>).
/// </summary>
internal static class DocumentEndpoints
{
    private const string Service = "/chuangji.documents.v1.DocumentService/";

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup("/documents/{year:int}");
        documents.MapGet("/branches/{branchCode}/publicity.{format}", async (int year, string branchCode, string format, HttpContext http, IHttpCallGate gate, GetPublicityListHandler handler) =>
        {
            var request = new GetPublicityListRequest { Year = year, BranchCode = branchCode, Format = FormatOf(format) };
            using var caller = (await gate.AuthorizeAsync(http, Service + "GetPublicityList", request, http.RequestAborted)).Act();
            await SendAsync(http, await handler.HandleAsync(request, http.RequestAborted));
        });
        documents.MapGet("/members/{staffNumber}/scoring-table.{format}", async (int year, string staffNumber, string format, HttpContext http, IHttpCallGate gate, GetScoringTableHandler handler) =>
        {
            var request = new GetScoringTableRequest { Year = year, StaffNumber = staffNumber, Format = FormatOf(format) };
            using var caller = (await gate.AuthorizeAsync(http, Service + "GetScoringTable", request, http.RequestAborted)).Act();
            await SendAsync(http, await handler.HandleAsync(request, http.RequestAborted));
        });
        return endpoints;
    }

    /// <summary>The extension of the path names the format; an unknown one is refused as the RPC refuses an unspecified format.</summary>
    public static DocumentFormat FormatOf(string extension) => extension switch
    {
        "xlsx" => DocumentFormat.Xlsx,
        "pdf" => DocumentFormat.Pdf,
        "html" => DocumentFormat.Html,
        _ => DocumentFormat.Unspecified,
    };

    public static async Task SendAsync(HttpContext http, DocumentFile file)
    {
        http.Response.ContentType = file.MediaType;
        var disposition = new ContentDispositionHeaderValue(file.MediaType.StartsWith("text/html", StringComparison.Ordinal) ? "inline" : "attachment");
        disposition.SetHttpFileName(file.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "no-store";
        await file.WriteAsync(http.Response.Body, http.RequestAborted);
    }
}
