using System.Globalization;
using System.IO.Compression;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Documents.Delivery;
using Chuangji.Workflow.Modules.Documents.Features.GetOutcomeList;
using Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Chuangji.Workflow.Modules.Documents.Sources;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Documents.Features.GetDossier;

/// <summary>
/// 材料整理汇集: one zip with the five steps' materials of a branch or the college, an index sheet first, each
/// material a workbook in its step's folder. The zip is written to a temporary file that deletes itself and then
/// copied out: a zip's writer writes synchronously, which a response stream refuses, and the file keeps a college's
/// dossier out of memory.
/// </summary>
internal sealed class DossierDocument(
    YearDocuments years, IMembersModule members, DossierMaterials materials, PublicityListDocument publicity, OutcomeListDocument outcomes, DocumentFiles files, CollegeClock clock)
{
    public async Task<DocumentFile> BuildAsync(int year, string? branchCode, CancellationToken cancellationToken)
    {
        var opened = await years.YearAsync(year, cancellationToken);
        var waived = opened.ClosedWithoutPenalty.Select(p => p.Deadline).ToHashSet(StringComparer.Ordinal);
        var branches = branchCode is null
            ? await members.ListBranchesAsync(cancellationToken)
            : [await years.BranchAsync(branchCode, cancellationToken)];
        var scope = branchCode is null ? "全院" : branches[0].Name;
        var entries = Entries(year, branchCode, scope, branches, waived);
        var name = branchCode is null ? $"{year}-全院-材料汇集.zip" : $"{year}-{branchCode}-材料汇集.zip";
        var ascii = branchCode is null ? $"{year}-college-dossier.zip" : $"{year}-{branchCode}-dossier.zip";
        return new DocumentFile(name, ascii, "application/zip", (output, ct) => WriteAsync(year, scope, entries, output, ct));
    }

    private List<DossierEntry> Entries(int year, string? branchCode, string scope, IReadOnlyList<BranchRecord> branches, IReadOnlySet<string> waived)
    {
        var entries = new List<DossierEntry>
        {
            new("一、述绩", "01-述绩/承诺.xlsx", "年初公开承诺（述绩的对照依据）：承诺内容与时间，逾期未承诺者注明", _ => Task.FromResult(materials.Commitments(year, branchCode, scope, waived))),
            new("一、述绩", "01-述绩/述绩.xlsx", "上、下半年述绩：内容与提交时间，逾期未述绩者注明", _ => Task.FromResult(materials.Declarations(year, branchCode, scope, waived))),
            new("二、评绩", "02-评绩/群众意见.xlsx", "群众评议意见：内容、渠道与日期（署名者注明提出人）", _ => Task.FromResult(materials.Opinions(year, branchCode, scope))),
        };
        entries.AddRange(branches.Select(b => new DossierEntry(
            "三、亮绩", $"03-亮绩/公示名单-{b.Code}.xlsx", $"{b.Name}公示名单，含异议及处理结果",
            async ct => (await publicity.BuildAsync(year, b.Code, forThePublic: false, ct)).Document)));
        entries.Add(new("四、定绩", "04-定绩/定绩结果.xlsx", "定绩结果：等次、党员互评、书记点评、冻结的得分（被撤销的评定注明）", _ => Task.FromResult(materials.Determinations(year, branchCode, scope))));
        entries.Add(new("五、用绩", "05-用绩/用绩名单.xlsx", "考核结果运用：表彰名单与帮扶名单", ct => outcomes.BuildAsync(year, branchCode, ct)));
        entries.Add(new("检查", "06-检查/检查报告.xlsx", "每季度检查与半年检查报告", _ => Task.FromResult(materials.CheckReports(year, branchCode, scope))));
        return entries;
    }

    private async Task WriteAsync(int year, string scope, IReadOnlyList<DossierEntry> entries, Stream output, CancellationToken cancellationToken)
    {
        await using var file = TemporaryFile.Open();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(zip, "00-索引.xlsx", Index(year, scope, entries), cancellationToken);
            foreach (var entry in entries)
            {
                await AddAsync(zip, entry.Path, await entry.Build(cancellationToken), cancellationToken);
            }
        }

        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    private async Task AddAsync(ZipArchive zip, string path, DocumentModel document, CancellationToken cancellationToken)
    {
        // A workbook is a zip already: storing it again costs nothing and compressing it gains nothing.
        var entry = zip.CreateEntry(path, CompressionLevel.NoCompression);
        entry.LastWriteTime = clock.LocalNow;
        await using var stream = entry.Open();
        await files.Render(document, Chuangji.Documents.V1.DocumentFormat.Xlsx, document.FileStem).WriteAsync(stream, cancellationToken);
    }

    private static DocumentModel Index(int year, string scope, IReadOnlyList<DossierEntry> entries) => new(
        $"{year}年度{scope}党员“先锋创绩”材料整理汇集",
        ["按“述绩、评绩、亮绩、定绩、用绩”五个步骤整理（年初承诺是述绩的对照依据），各材料见对应文件夹；另附每季度、每半年的检查报告。"],
        [
            new DocumentTable(
                "索引", "材料索引", [new("序号", 0.6), new("步骤", 1), new("文件", 2.4), new("内容", 4)],
                entries.Select((e, i) => new DocumentRow([(i + 1).ToString(CultureInfo.InvariantCulture), e.Step, e.Path, e.Description])).ToAsyncEnumerable()),
        ],
        [])
    {
        FileStem = "00-索引",
    };

    private sealed record DossierEntry(string Step, string Path, string Description, Func<CancellationToken, Task<DocumentModel>> Build);
}
