using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Chuangji.Workflow.Host.Pages;

/// <summary>
/// The web console (ADR 22): <c>/</c> is its page, <c>/console/app.js</c> (with a module per role) and <c>/console/app.css</c> what it needs,
/// served from the Host's own assembly, with nothing from any other address (the content security policy says so).
/// They hold no data and need no session: the page asks <c>/session</c> who is there, and the service's HTTP/JSON API
/// for everything else, under the person's session and the RPCs' policies.
/// </summary>
internal static class ConsolePages
{
    private const string Policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapGet("/", (HttpContext http) => Serve(http, "index.html")).AllowAnonymous();
        app.MapGet("/console/{file}", (HttpContext http, string file) => Serve(http, file)).AllowAnonymous();
        // Browsers ask for it on every page; there is none, and asking is no reason for a 401.
        app.MapGet("/favicon.ico", () => Results.NoContent()).AllowAnonymous();
        return app;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        if (!Assets.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Bytes, asset.MediaType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(asset.ETag));
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        const string prefix = "console/";
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var file = name[prefix.Length..];
            assets[file] = new Asset(bytes, MediaType(file), $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string MediaType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Bytes, string MediaType, string ETag);
}
