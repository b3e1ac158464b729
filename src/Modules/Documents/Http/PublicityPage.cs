using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Delivery;
using Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chuangji.Workflow.Modules.Documents.Http;

/// <summary>
/// The list "posted for the masses" (进行公示，接受党员群众监督): a branch's publicity list as a page anyone may open,
/// without a token, only while the branch's publicity window is open; before and after it is not there (404).
/// The page holds the list alone: no staff numbers, no objections, no links.
/// </summary>
internal static class PublicityPage
{
    public static IEndpointRouteBuilder MapPublicityPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/publicity/{year:int}/{branchCode}", async (int year, string branchCode, HttpContext http, PublicityListDocument document, DocumentFiles files, CollegeClock clock) =>
        {
            if (!Identifier.IsWellFormed(branchCode))
            {
                return Results.NotFound();
            }

            try
            {
                // The window first, from the cycles alone: outside it an anonymous request scores nobody.
                if (await document.WindowAsync(year, branchCode, http.RequestAborted) is not { } window || !window.IsOpenAt(clock.UtcNow))
                {
                    return Results.NotFound();
                }

                var model = await document.BuildAsync(year, branchCode, forThePublic: true, http.RequestAborted);

                await DocumentEndpoints.SendAsync(http, files.Render(model.Document, DocumentFormat.Html, $"{year}-{branchCode}-publicity"));
                return Results.Empty;
            }
            catch (NotFoundException)
            {
                // Whether the year or the branch is missing, the public learns only that there is no list to see.
                return Results.NotFound();
            }
        }).AllowAnonymous();
        return endpoints;
    }
}
