using System.Globalization;
using System.Runtime.CompilerServices;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Chuangji.Workflow.Modules.Documents.Sources;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Features.GetOutcomeList;

/// <summary>
/// 用绩: the members the branch meeting rated 优秀, with their commendation, and those rated 基本合格 or 不合格, with
/// their help plan; for a branch or the college. Each list is read as it is written, so the college's lists pass
/// through in bounded memory (the members are read once per list).
/// </summary>
internal sealed class OutcomeListDocument(YearDocuments years, NamedCycles cycles, ChineseDates dates, CollegeClock clock)
{
    public async Task<DocumentModel> BuildAsync(int year, string? branchCode, CancellationToken cancellationToken)
    {
        await years.RequireOpenedAsync(year, cancellationToken);
        var scope = branchCode is null ? "全院" : (await years.BranchAsync(branchCode, cancellationToken)).Name;
        IReadOnlyList<DocumentColumn> columns =
        [
            new("序号", 0.6), new("支部", 1.2), new("工号", 1), new("姓名", 1), new("评定等次", 1), new("总分", 0.8, ColumnKind.Number),
            new("表彰或帮扶措施", 4), new("落实时间", 1.5),
        ];
        return new DocumentModel(
            $"{year}年度{scope}党员“先锋创绩”考核结果运用（用绩）名单",
            ["依据支部党员大会评定（定绩）的等次：评为优秀的予以表彰；评为基本合格、不合格的制定帮扶措施。"],
            [
                new DocumentTable("表彰名单", "表彰名单（优秀）", columns, Rows(year, branchCode, commended: true, cancellationToken)),
                new DocumentTable("帮扶名单", "帮扶名单（基本合格、不合格）", columns, Rows(year, branchCode, commended: false, cancellationToken)),
            ],
            [$"统计时间：{dates.Moment(clock.UtcNow)}"])
        {
            FileStem = branchCode is null ? $"{year}-全院-用绩名单" : $"{year}-{branchCode}-用绩名单",
        };
    }

    private async IAsyncEnumerable<DocumentRow> Rows(int year, string? branchCode, bool commended, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        await foreach (var member in cycles.ReadAsync(year, branchCode, cancellationToken))
        {
            if (member.Determination is not { } determination || (determination.Rating == Rating.Excellent) != commended
                || determination.Rating is not (Rating.Excellent or Rating.BasicallyQualified or Rating.Unqualified))
            {
                continue;
            }

            var outcome = member.Cycle.Outcome;
            var measure = commended ? outcome?.Commendation : outcome?.HelpPlan;
            yield return new DocumentRow(
            [
                (++number).ToString(CultureInfo.InvariantCulture),
                member.Cycle.BranchCode,
                member.Cycle.StaffNumber,
                member.Name,
                ChineseNames.Of(determination.Rating),
                determination.TotalScore,
                string.IsNullOrEmpty(measure) ? "（待落实）" : measure,
                dates.Moment(outcome?.AppliedAt),
            ]);
        }
    }
}
