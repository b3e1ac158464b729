using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Rendering;

namespace Chuangji.Workflow.Modules.Documents.Delivery;

/// <summary>Turns a document into a file of the format asked for, refusing a format the document does not come in.</summary>
internal sealed class DocumentFiles(IEnumerable<IDocumentRenderer> renderers)
{
    public static void CheckFormat(Violations violations, DocumentFormat format, params DocumentFormat[] offered)
    {
        if (!offered.Contains(format))
        {
            violations.Add("format", $"must be one of {string.Join(", ", offered.Select(Name))}");
        }
    }

    public DocumentFile Render(DocumentModel document, DocumentFormat format)
    {
        var renderer = renderers.First(r => r.Format == format);
        renderer.EnsureAvailable();
        return new DocumentFile($"{document.FileStem}.{renderer.Extension}", renderer.MediaType, (output, ct) => renderer.WriteAsync(document, output, ct));
    }

    private static string Name(DocumentFormat format) => format switch
    {
        DocumentFormat.Xlsx => "DOCUMENT_FORMAT_XLSX",
        DocumentFormat.Pdf => "DOCUMENT_FORMAT_PDF",
        DocumentFormat.Html => "DOCUMENT_FORMAT_HTML",
        _ => "DOCUMENT_FORMAT_UNSPECIFIED",
    };
}
