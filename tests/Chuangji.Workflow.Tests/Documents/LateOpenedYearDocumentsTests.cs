using System.IO.Compression;
using Chuangji.Documents.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>
/// A year opened on 08-03, after the commitment and the first half's deadlines: those phases closed without penalty
/// (D-LateOpening), and the dossier says so instead of "not yet" or "overdue".
/// </summary>
public sealed class LateOpenedYearDocumentsTests
{
    [Fact]
    public async Task Dossier_OfAYearOpenedLate_SaysWhichStepsWereWaived()
    {
        await using var service = await TestService.StartAsync(start: DocumentsCollege.At(8, 3));
        await new MembersService.MembersServiceClient(service.Channel).WithTestCollegeAsync();
        await new WorkflowService.WorkflowServiceClient(service.Channel).OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });

        var dossier = await Download.FromGrpcAsync(
            new DocumentService.DocumentServiceClient(service.Channel).GetDossier(new GetDossierRequest { Year = 2026, BranchCode = "B01" }), r => r.Chunk);

        using var zip = new ZipArchive(new MemoryStream(dossier.Bytes));
        ReadBack.RowWith(ReadBack.Sheet(ReadBack.Entry(zip, "01-述绩/承诺.xlsx"), "承诺"), "T1002")[3].Should().Be("（开通前已截止，免于考核）");
        var declarations = ReadBack.Entry(zip, "01-述绩/述绩.xlsx");
        ReadBack.RowWith(ReadBack.Sheet(declarations, "上半年述绩"), "T1002")[3].Should().Be("（开通前已截止，免于考核）");
        ReadBack.RowWith(ReadBack.Sheet(declarations, "下半年述绩"), "T1002")[3].Should().Be("（尚未述绩）", "the second half's deadline is still ahead");
    }
}
