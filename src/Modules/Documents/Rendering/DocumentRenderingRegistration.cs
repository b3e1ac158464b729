using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Modules.Documents.Rendering;

internal static class DocumentRenderingRegistration
{
    /// <summary>
    /// Registers the three renderers (each as <see cref="IDocumentRenderer"/>; pick one by its
    /// <see cref="IDocumentRenderer.Format"/>) and binds <see cref="DocumentFontOptions"/> to "Chuangji:Documents".
    /// </summary>
    public static IServiceCollection AddDocumentRenderers(this IServiceCollection services)
    {
        services.AddOptions<DocumentFontOptions>().BindConfiguration(DocumentFontOptions.Section);
        services.AddSingleton<CjkFontLocator>();
        services.AddSingleton<IDocumentRenderer, XlsxDocumentRenderer>();
        services.AddSingleton<IDocumentRenderer, PdfDocumentRenderer>();
        services.AddSingleton<IDocumentRenderer, HtmlDocumentRenderer>();
        return services;
    }
}
