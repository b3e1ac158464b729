using Chuangji.Documents.V1;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Documents.Delivery;

namespace Chuangji.Workflow.Modules.Documents.Features.GetDossier;

internal sealed class GetDossierHandler(DossierDocument document)
{
    public async Task<DocumentFile> HandleAsync(GetDossierRequest request, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var branchCode = Identifier.Optional(violations, "branch_code", request.BranchCode);
        violations.ThrowIfAny();
        return await document.BuildAsync(request.Year, branchCode.Length > 0 ? branchCode : null, cancellationToken);
    }
}
