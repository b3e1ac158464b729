using Chuangji.Workflow.BuildingBlocks.Http;
using Chuangji.Workflow.Host.Security;
using Microsoft.AspNetCore.Mvc;

namespace Chuangji.Workflow.Host.Pages.Sheets;

/// <summary>
/// The console's spreadsheet uploads: a template to download, and a sheet read into rows for the page to send to the
/// RPC that takes them (ImportMembers, RecordEvents) under the person's session. Reading stores nothing, so it needs
/// a signed-in caller and no policy of its own; what is stored is decided by the RPC, row by row.
/// </summary>
internal static class SheetEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static WebApplication MapSheets(this WebApplication app)
    {
        app.MapGet("/console/sheets/{name}-template.xlsx", (string name) => SheetLayout.Named(name) is { } layout
            ? Results.File(SheetTemplate.Write(layout), XlsxType, $"{layout.Title}模板.xlsx")
            : Results.NotFound());
        app.MapPost("/console/sheets/{name}:read", ReadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(SheetReader.MaxFileBytes + 1));
        return app;
    }

    private static async Task ReadAsync(string name, HttpContext http)
    {
        if (SheetLayout.Named(name) is not { } layout)
        {
            await RefuseAsync(http, StatusCodes.Status404NotFound, global::Grpc.Core.StatusCode.NotFound, $"name '{name}' is no sheet; the sheets are members and facts");
            return;
        }

        // The uploads are the secretaries' and the leadership group's; reading a sheet is work no one else needs done.
        if (Caller.From(http.User) is not { Role: CallerRole.Secretary or CallerRole.Leadership })
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, global::Grpc.Core.StatusCode.PermissionDenied, "only a branch secretary or the leadership group uploads sheets");
            return;
        }

        if (http.Request.ContentLength > SheetReader.MaxFileBytes)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, global::Grpc.Core.StatusCode.ResourceExhausted, $"file must be at most {SheetReader.MaxFileBytes / (1024 * 1024)} MB");
            return;
        }

        using var file = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(file, http.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, global::Grpc.Core.StatusCode.ResourceExhausted, $"file must be at most {SheetReader.MaxFileBytes / (1024 * 1024)} MB");
            return;
        }

        try
        {
            await http.Response.WriteAsJsonAsync(SheetReader.Read(file, layout, http.RequestAborted), http.RequestAborted);
        }
        catch (SheetRefusedException refused)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, global::Grpc.Core.StatusCode.InvalidArgument, $"{refused.Field} {refused.Message}");
        }
    }

    private static Task RefuseAsync(HttpContext http, int status, global::Grpc.Core.StatusCode code, string message) =>
        RpcStatusJson.WriteAsync(http.Response, status, code, message, http.RequestAborted);
}
