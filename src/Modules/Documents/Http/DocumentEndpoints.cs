using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Http;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Delivery;
using Chuangji.Workflow.Modules.Documents.Features.GetCollegeOverview;
using Chuangji.Workflow.Modules.Documents.Features.GetDossier;
using Chuangji.Workflow.Modules.Documents.Features.GetOutcomeList;
using Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;
using Chuangji.Workflow.Modules.Documents.Features.GetScoringTable;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Chuangji.Workflow.Modules.Documents.Http;

/// <summary>
/// The documents over plain HTTP, each route standing for its RPC with the request that RPC takes, so the RPC's
/// policy decides who may fetch it (<see cref="IHttpCallGate"/>), and the same handler answers.
/// </summary>
internal static class DocumentEndpoints
{
    private const string Service = "/chuangji.documents.v1.DocumentService/";

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var year = endpoints.MapGroup("/documents/{year:int}");
        year.MapGet("/branches/{branchCode}/publicity.{format}", (int year, string branchCode, string format, HttpContext http, IHttpCallGate gate, GetPublicityListHandler handler) =>
            ServeAsync(http, gate, "GetPublicityList", new GetPublicityListRequest { Year = year, BranchCode = branchCode, Format = FormatOf(format) }, handler.HandleAsync));
        year.MapGet("/members/{staffNumber}/scoring-table.{format}", (int year, string staffNumber, string format, HttpContext http, IHttpCallGate gate, GetScoringTableHandler handler) =>
            ServeAsync(http, gate, "GetScoringTable", new GetScoringTableRequest { Year = year, StaffNumber = staffNumber, Format = FormatOf(format) }, handler.HandleAsync));
        year.MapGet("/branches/{branchCode}/outcomes.{format}", (int year, string branchCode, string format, HttpContext http, IHttpCallGate gate, GetOutcomeListHandler handler) =>
            ServeAsync(http, gate, "GetOutcomeList", new GetOutcomeListRequest { Year = year, BranchCode = branchCode, Format = FormatOf(format) }, handler.HandleAsync));
        year.MapGet("/outcomes.{format}", (int year, string format, HttpContext http, IHttpCallGate gate, GetOutcomeListHandler handler) =>
            ServeAsync(http, gate, "GetOutcomeList", new GetOutcomeListRequest { Year = year, Format = FormatOf(format) }, handler.HandleAsync));
        year.MapGet("/branches/{branchCode}/dossier.zip", (int year, string branchCode, HttpContext http, IHttpCallGate gate, GetDossierHandler handler) =>
            ServeAsync(http, gate, "GetDossier", new GetDossierRequest { Year = year, BranchCode = branchCode }, handler.HandleAsync));
        year.MapGet("/dossier.zip", (int year, HttpContext http, IHttpCallGate gate, GetDossierHandler handler) =>
            ServeAsync(http, gate, "GetDossier", new GetDossierRequest { Year = year }, handler.HandleAsync));
        year.MapGet("/overview.xlsx", (int year, HttpContext http, IHttpCallGate gate, GetCollegeOverviewHandler handler) =>
            ServeAsync(http, gate, "GetCollegeOverview", new GetCollegeOverviewRequest { Year = year }, handler.HandleAsync));
        // Any other path under /documents names no document: say so, and which there are, rather than a bare 404.
        endpoints.MapGet("/documents/{**path}", (string? path, HttpContext http) => RpcStatusJson.WriteAsync(
            http.Response, StatusCodes.Status404NotFound, global::Grpc.Core.StatusCode.NotFound,
            $"/documents/{Echo.Of(path ?? string.Empty)} is no document; the documents are {Listing}", http.RequestAborted));
        return endpoints;
    }

    private const string Listing =
        "/documents/{year}/branches/{branch}/publicity.{xlsx|pdf|html}, /documents/{year}/members/{staff_number}/scoring-table.{xlsx|pdf|html}, " +
        "/documents/{year}/branches/{branch}/outcomes.{xlsx|pdf}, /documents/{year}/outcomes.{xlsx|pdf}, " +
        "/documents/{year}/branches/{branch}/dossier.zip, /documents/{year}/dossier.zip, /documents/{year}/overview.xlsx";

    /// <summary>The extension of the path names the format; an unknown one is refused as the RPC refuses an unspecified format.</summary>
    private static DocumentFormat FormatOf(string extension) => extension switch
    {
        "xlsx" => DocumentFormat.Xlsx,
        "pdf" => DocumentFormat.Pdf,
        "html" => DocumentFormat.Html,
        _ => DocumentFormat.Unspecified,
    };

    private static async Task ServeAsync<TRequest>(HttpContext http, IHttpCallGate gate, string rpc, TRequest request, Func<TRequest, CancellationToken, Task<DocumentFile>> handle)
        where TRequest : IMessage
    {
        using var caller = (await gate.AuthorizeAsync(http, Service + rpc, request, http.RequestAborted)).Act();
        await SendAsync(http, await handle(request, http.RequestAborted));
    }

    public static async Task SendAsync(HttpContext http, DocumentFile file)
    {
        http.Response.ContentType = file.MediaType;
        var disposition = new ContentDispositionHeaderValue(file.MediaType.StartsWith("text/html", StringComparison.Ordinal) ? "inline" : "attachment")
        {
            FileName = file.AsciiFileName,
            FileNameStar = file.FileName,
        };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "no-store";
        await file.WriteAsync(http.Response.Body, http.RequestAborted);
    }
}
