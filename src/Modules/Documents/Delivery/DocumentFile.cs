namespace Chuangji.Workflow.Modules.Documents.Delivery;

/// <summary>
/// A document ready to be sent: its name and media type are known, and every check that could refuse it has
/// passed, so nothing is refused once the first byte has gone out (an HTTP status cannot change after that).
/// </summary>
/// <param name="FileName">The name people see, e.g. "2026-B01-公示名单.pdf".</param>
/// <param name="AsciiFileName">
/// The same file in ASCII, e.g. "2026-B01-publicity.pdf", for clients that ignore an HTTP header's UTF-8 name
/// (curl -OJ): distinct per document, so two downloads never overwrite each other.
/// </param>
/// <param name="MediaType">e.g. "application/pdf".</param>
/// <param name="WriteAsync">
/// Writes the file asynchronously (a response stream refuses synchronous writes; each renderer that needs them writes
/// to a temporary file first); nothing in it can refuse any more.
/// </param>
internal sealed record DocumentFile(string FileName, string AsciiFileName, string MediaType, Func<Stream, CancellationToken, Task> WriteAsync);
