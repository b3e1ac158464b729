namespace Chuangji.Workflow.Modules.Documents.Rendering;

internal enum DocumentFormat
{
    Xlsx,
    Pdf,
    Html,
}

/// <summary>Writes a <see cref="DocumentModel"/> in one format. Reads each table's rows once, as they stream.</summary>
internal interface IDocumentRenderer
{
    DocumentFormat Format { get; }

    /// <summary>The media type of what <see cref="WriteAsync"/> writes, e.g. "application/pdf".</summary>
    string MediaType { get; }

    /// <summary>The file extension with its dot, e.g. ".pdf".</summary>
    string Extension { get; }

    /// <summary>Writes the document to <paramref name="output"/>, which need not be seekable; leaves it open.</summary>
    Task WriteAsync(DocumentModel document, Stream output, CancellationToken ct);
}
