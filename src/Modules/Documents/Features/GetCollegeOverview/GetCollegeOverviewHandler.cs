using Chuangji.Documents.V1;
using Chuangji.Workflow.Modules.Documents.Delivery;

namespace Chuangji.Workflow.Modules.Documents.Features.GetCollegeOverview;

internal sealed class GetCollegeOverviewHandler(CollegeOverviewDocument document, DocumentFiles files)
{
    public async Task<DocumentFile> HandleAsync(GetCollegeOverviewRequest request, CancellationToken cancellationToken) =>
        files.Render(await document.BuildAsync(request.Year, cancellationToken), DocumentFormat.Xlsx, $"{request.Year}-college-overview");
}
