using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Delivery;

namespace Chuangji.Workflow.Modules.Documents.Features.GetOutcomeList;

internal sealed class GetOutcomeListHandler(OutcomeListDocument document, DocumentFiles files)
{
    public async Task<DocumentFile> HandleAsync(GetOutcomeListRequest request, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var branchCode = Identifier.Optional(violations, "branch_code", request.BranchCode);
        DocumentFiles.CheckFormat(violations, request.Format, DocumentFormat.Xlsx, DocumentFormat.Pdf);
        violations.ThrowIfAny();
        var model = await document.BuildAsync(request.Year, branchCode.Length > 0 ? branchCode : null, cancellationToken);
        return files.Render(model, request.Format, branchCode.Length > 0 ? $"{request.Year}-{branchCode}-outcomes" : $"{request.Year}-college-outcomes");
    }
}
