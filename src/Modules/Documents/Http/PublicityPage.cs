using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Delivery;
using Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;
using Chuangji.Workflow.Modules.Members.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace Chuangji.Workflow.Modules.Documents.Http;

/// <summary>
/// The list "posted for the masses" (进行公示，接受党员群众监督): a branch's publicity list as a page anyone may open,
/// without a token, only while the branch's publicity window is open; before and after it is not there (404).
/// The page holds the list alone: no staff numbers, no objections, no links. <c>/publicity</c> lists the branches whose
/// window is open now, so that the masses find the lists without a sign-in.
/// </summary>
internal static class PublicityPage
{
    public static IEndpointRouteBuilder MapPublicityPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/publicity", async (HttpContext http, PublicityListDocument document, IMembersModule members, CollegeClock clock, IMemoryCache cache) =>
        {
            var year = clock.Today.Year;
            // Anonymous and a read of every branch's cycles: made once a minute of the service's clock, whoever asks.
            var html = await cache.GetOrCreateAsync($"publicity-index/{clock.UtcNow:yyyyMMddHHmm}", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2);
                return PublicityIndex.Html(year, await OpenBranchesAsync(year, document, members, clock, http.RequestAborted));
            });
            http.Response.Headers.CacheControl = "no-store";
            return Results.Content(html, "text/html; charset=utf-8");
        }).AllowAnonymous();

        endpoints.MapGet("/publicity/{year:int}/{branchCode}", async (int year, string branchCode, HttpContext http, PublicityListDocument document, DocumentFiles files, CollegeClock clock) =>
        {
            if (!Identifier.IsWellFormed(branchCode))
            {
                return NotPosted();
            }

            try
            {
                // The window first, from the cycles alone: outside it an anonymous request scores nobody.
                if (await document.WindowAsync(year, branchCode, http.RequestAborted) is not { } window || !window.IsOpenAt(clock.UtcNow))
                {
                    return NotPosted();
                }

                var model = await document.BuildAsync(year, branchCode, forThePublic: true, http.RequestAborted);

                await DocumentEndpoints.SendAsync(http, files.Render(model.Document, DocumentFormat.Html, $"{year}-{branchCode}-publicity"));
                return Results.Empty;
            }
            catch (NotFoundException)
            {
                // Whether the year or the branch is missing, the public learns only that there is no list to see.
                return NotPosted();
            }
        }).AllowAnonymous();
        return endpoints;
    }

    private static async Task<List<BranchRecord>> OpenBranchesAsync(int year, PublicityListDocument document, IMembersModule members, CollegeClock clock, CancellationToken cancellationToken)
    {
        var open = new List<BranchRecord>();
        foreach (var branch in await members.ListBranchesAsync(cancellationToken))
        {
            try
            {
                if (await document.WindowAsync(year, branch.Code, cancellationToken) is { } window && window.IsOpenAt(clock.UtcNow))
                {
                    open.Add(branch);
                }
            }
            catch (NotFoundException)
            {
                // The year is not opened: no branch has a list.
                break;
            }
        }

        return open;
    }

    /// <summary>404, with a page that says so in Chinese: someone following a link shared during the window finds it ended.</summary>
    private static IResult NotPosted() => Results.Content(PublicityIndex.NotPosted(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
