namespace Chuangji.Workflow.Modules.Documents.Delivery;

/// <summary>
/// A document ready to be sent: its name and media type are known, and every check that could refuse it has
/// passed, so nothing is refused once the first byte has gone out (an HTTP status cannot change after that).
/// </summary>
internal sealed record DocumentFile(string FileName, string MediaType, Func<Stream, CancellationToken, Task> WriteAsync);
