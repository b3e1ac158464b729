using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Rendering;
using WireFormat = Chuangji.Documents.V1.DocumentFormat;

namespace Chuangji.Workflow.Modules.Documents.Delivery;

/// <summary>Turns a document into a file of the format asked for, refusing a format the document does not come in.</summary>
internal sealed class DocumentFiles(IEnumerable<IDocumentRenderer> renderers, CjkFontLocator fonts)
{
    public static void CheckFormat(Violations violations, WireFormat format, params WireFormat[] offered)
    {
        if (!offered.Contains(format))
        {
            violations.Add("format", $"must be one of {string.Join(", ", offered.Select(Name))}");
        }
    }

    /// <summary>A PDF without a Chinese font is refused here, before the first byte goes out (FAILED_PRECONDITION).</summary>
    public DocumentFile Render(DocumentModel document, WireFormat format, string asciiStem)
    {
        var wanted = format switch
        {
            WireFormat.Pdf => DocumentFormat.Pdf,
            WireFormat.Html => DocumentFormat.Html,
            _ => DocumentFormat.Xlsx,
        };
        if (wanted == DocumentFormat.Pdf)
        {
            fonts.Locate();
        }

        var renderer = renderers.Single(r => r.Format == wanted);
        return new DocumentFile(document.FileStem + renderer.Extension, asciiStem + renderer.Extension, renderer.MediaType, (output, ct) => renderer.WriteAsync(document, output, ct));
    }

    private static string Name(WireFormat format) => format switch
    {
        WireFormat.Xlsx => "DOCUMENT_FORMAT_XLSX",
        WireFormat.Pdf => "DOCUMENT_FORMAT_PDF",
        WireFormat.Html => "DOCUMENT_FORMAT_HTML",
        _ => "DOCUMENT_FORMAT_UNSPECIFIED",
    };
}
