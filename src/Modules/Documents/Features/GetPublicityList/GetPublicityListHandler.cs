using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Delivery;

namespace Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;

internal sealed class GetPublicityListHandler(PublicityListDocument document, DocumentFiles files)
{
    public async Task<DocumentFile> HandleAsync(GetPublicityListRequest request, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        Identifier.Required(violations, "branch_code", request.BranchCode);
        DocumentFiles.CheckFormat(violations, request.Format, DocumentFormat.Xlsx, DocumentFormat.Pdf, DocumentFormat.Html);
        violations.ThrowIfAny();
        var model = await document.BuildAsync(request.Year, request.BranchCode, forThePublic: false, cancellationToken);
        return files.Render(model.Document, request.Format, $"{request.Year}-{request.BranchCode}-publicity");
    }
}
