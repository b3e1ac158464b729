using System.Globalization;
using System.Runtime.CompilerServices;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Chuangji.Workflow.Modules.Documents.Sources;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Features.GetDossier;

/// <summary>
/// The materials of the five steps as tables, each streamed from the records: 承诺 the commitments, 述绩 the
/// half-year declarations, 评绩 the opinions (the author only when named), 定绩 every determination (superseded
/// ones marked), and the year's check reports.
/// </summary>
internal sealed class DossierMaterials(NamedCycles cycles, IWorkflowRecords workflow, ChineseDates dates)
{
    /// <summary>A phase the year closed without penalty, its deadline having passed before the year was opened (D-LateOpening).</summary>
    private const string Waived = "（开通前已截止，免于考核）";

    public DocumentModel Commitments(int year, string? branchCode, string scope, IReadOnlySet<string> waivedDeadlines) => Single(
        year, scope, "承诺", "党员公开承诺",
        [new("支部", 1), new("工号", 1), new("姓名", 1), new("承诺内容", 5), new("承诺时间", 1.6)],
        Members(year, branchCode, m => [[
            m.Cycle.BranchCode, m.Cycle.StaffNumber, m.Name,
            m.Cycle.Commitment.Length > 0 ? m.Cycle.Commitment
                : m.Cycle.CommitmentMissing ? "（逾期未承诺）"
                : waivedDeadlines.Contains("commitment_due") ? Waived
                : "（尚未承诺）",
            dates.Moment(m.Cycle.CommittedAt),
        ]]));

    public DocumentModel Declarations(int year, string? branchCode, string scope, IReadOnlySet<string> waivedDeadlines)
    {
        IReadOnlyList<DocumentColumn> columns = [new("支部", 1), new("工号", 1), new("姓名", 1), new("述绩内容", 5), new("提交时间", 1.6)];
        return new DocumentModel($"{year}年度{scope}党员述绩", [], [
            new DocumentTable("上半年述绩", "上半年述绩", columns, Members(year, branchCode, m => [Declaration(m, HalfYear.First, m.Cycle.FirstHalfDeclarationMissing, waivedDeadlines.Contains("first_half_report_due"))])),
            new DocumentTable("下半年述绩", "下半年述绩", columns, Members(year, branchCode, m => [Declaration(m, HalfYear.Second, m.Cycle.SecondHalfDeclarationMissing, waivedDeadlines.Contains("second_half_report_due"))])),
        ], [])
        {
            FileStem = "述绩",
        };
    }

    public DocumentModel Opinions(int year, string? branchCode, string scope) => Single(
        year, scope, "群众意见", "群众评议意见（评绩）",
        [new("工号", 1), new("被评议党员", 1), new("渠道", 1), new("意见内容", 5), new("收到日期", 1.4), new("提出人", 1.2)],
        Opinions(year, branchCode));

    public DocumentModel Determinations(int year, string? branchCode, string scope) => Single(
        year, scope, "定绩结果", "支部党员大会定绩结果（含被撤销的评定）",
        [new("支部", 0.9), new("工号", 0.9), new("姓名", 0.9), new("评定等次", 0.9), new("冻结总分", 0.8, ColumnKind.Number), new("党员互评", 2.4), new("书记点评", 2.4), new("评定时间", 1.4), new("状态", 2)],
        Members(year, branchCode, m => m.Cycle.Determinations.Select(d => (IReadOnlyList<string>)
        [
            m.Cycle.BranchCode, m.Cycle.StaffNumber, m.Name, ChineseNames.Of(d.Rating), d.TotalScore, d.PeerReviewSummary, d.SecretaryComment,
            dates.Moment(d.DeterminedAt),
            d.Superseded ? $"已撤销：{dates.Moment(d.SupersededAt)}重新评定，理由：{d.SupersededReason}" : "有效",
        ])));

    public DocumentModel CheckReports(int year, string? branchCode, string scope) => new(
        $"{year}年度{scope}检查报告",
        ["每季度检查（各支部）与半年检查（全院）的记录。"],
        [
            new DocumentTable("检查汇总", "检查汇总", [new("期间", 1), new("类型", 1), new("支部", 1), new("起止日期", 2), new("生成时间", 1.6), new("党员数", 0.8, ColumnKind.Number), new("无登记事实", 1, ColumnKind.Number), new("缺思想汇报", 1, ColumnKind.Number), new("述绩逾期", 1, ColumnKind.Number)], ReportRows(year, branchCode)),
            new DocumentTable("检查发现", "发现的问题（按党员）", [new("期间", 1), new("支部", 1), new("工号", 1), new("姓名", 1), new("问题", 4)], FindingRows(year, branchCode)),
        ],
        [])
    {
        FileStem = "检查报告",
    };

    private static DocumentModel Single(int year, string scope, string stem, string title, IReadOnlyList<DocumentColumn> columns, IAsyncEnumerable<DocumentRow> rows) =>
        new($"{year}年度{scope}{title}", [], [new DocumentTable(stem, title, columns, rows)], []) { FileStem = stem };

    private IReadOnlyList<string> Declaration(NamedCycle member, HalfYear half, bool missing, bool waived)
    {
        var declaration = member.Cycle.Declarations.FirstOrDefault(d => d.Half == half);
        return
        [
            member.Cycle.BranchCode, member.Cycle.StaffNumber, member.Name,
            declaration?.Content ?? (missing ? "（逾期未述绩）" : waived ? Waived : "（尚未述绩）"),
            dates.Moment(declaration?.SubmittedAt),
        ];
    }

    private async IAsyncEnumerable<DocumentRow> Members(int year, string? branchCode, Func<NamedCycle, IEnumerable<IReadOnlyList<string>>> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var member in cycles.ReadAsync(year, branchCode, cancellationToken))
        {
            foreach (var row in rows(member))
            {
                yield return new DocumentRow(row);
            }
        }
    }

    /// <summary>The opinions with the name of the member each is about.</summary>
    private async IAsyncEnumerable<DocumentRow> Opinions(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (o, name) in cycles.WithNamesAsync(workflow.OpinionsAsync(year, branchCode, cancellationToken), o => o.StaffNumber, cancellationToken))
        {
            yield return new DocumentRow([o.StaffNumber, name, ChineseNames.Of(o.Channel), o.Content, ChineseDates.Day(o.ReceivedOn), o.Anonymous ? "（匿名）" : o.Author]);
        }
    }

    private async IAsyncEnumerable<DocumentRow> ReportRows(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var report in workflow.CheckReportsAsync(year, branchCode, cancellationToken))
        {
            foreach (var tally in report.Branches)
            {
                yield return new DocumentRow(
                [
                    report.Period, report.Kind == CheckKind.Quarterly ? "季度检查" : "半年检查", tally.BranchCode,
                    $"{ChineseDates.Day(report.PeriodStart)}至{ChineseDates.Day(report.PeriodEnd)}", dates.Moment(report.CreatedAt),
                    Count(tally.Members), Count(tally.WithoutFacts), Count(tally.WithoutThoughtReport), Count(tally.OverdueSelfReports),
                ]);
            }
        }
    }

    private async IAsyncEnumerable<DocumentRow> FindingRows(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var report in workflow.CheckReportsAsync(year, branchCode, cancellationToken))
        {
            foreach (var finding in report.Findings)
            {
                var problems = new List<string>();
                if (finding.NoFacts)
                {
                    problems.Add("本期无登记事实");
                }

                if (finding.NoThoughtReport)
                {
                    problems.Add("本期无思想汇报");
                }

                problems.AddRange(finding.OverdueSelfReports.Select(h => h == "H1" ? "上半年述绩逾期" : "下半年述绩逾期"));
                yield return new DocumentRow([report.Period, report.BranchCode, finding.StaffNumber, finding.Name, string.Join("；", problems)]);
            }
        }
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
