using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Delivery;

namespace Chuangji.Workflow.Modules.Documents.Features.GetScoringTable;

internal sealed class GetScoringTableHandler(ScoringTableDocument document, DocumentFiles files)
{
    public async Task<DocumentFile> HandleAsync(GetScoringTableRequest request, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        Identifier.Required(violations, "staff_number", request.StaffNumber);
        DocumentFiles.CheckFormat(violations, request.Format, DocumentFormat.Xlsx, DocumentFormat.Pdf, DocumentFormat.Html);
        violations.ThrowIfAny();
        var model = await document.BuildAsync(request.Year, request.StaffNumber, cancellationToken);
        return files.Render(model, request.Format, $"{request.Year}-{request.StaffNumber}-scoring-table");
    }
}
