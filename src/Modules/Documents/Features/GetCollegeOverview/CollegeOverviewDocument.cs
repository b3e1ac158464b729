using System.Globalization;
using System.Runtime.CompilerServices;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Chuangji.Workflow.Modules.Documents.Sources;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Documents.Features.GetCollegeOverview;

/// <summary>
/// The leadership group's view of the year: per branch, its members, the cycles in each phase, commitments and
/// declarations made and missing, the suggested and determined ratings and the average total; then the college's
/// ranking (competition ranking as ListScorecards ranks: the vetoed after the rest). The members stream past once;
/// what is kept is a tally per branch and a line per member for the ranking.
/// </summary>
internal sealed class CollegeOverviewDocument(YearDocuments years, CollegeStandings standings, IMembersModule members, ChineseDates dates, CollegeClock clock)
{
    public async Task<DocumentModel> BuildAsync(int year, CancellationToken cancellationToken)
    {
        await years.RequireOpenedAsync(year, cancellationToken);
        var branches = await members.ListBranchesAsync(cancellationToken);
        var pass = new OverviewPass(branches);
        return new DocumentModel(
            $"{year}年度全院党员“先锋创绩”工作概况",
            [$"统计时间：{dates.Moment(clock.UtcNow)}", "建议等次依据评分表计分；评定等次为支部党员大会定绩的结果。"],
            [
                new DocumentTable("各支部概况", "各支部进度与结果", BranchColumns(), pass.BranchRowsAsync(standings.ReadAsync(year, cancellationToken), cancellationToken)),
                new DocumentTable("全院排名", "全院排名", RankingColumns, pass.RankingRowsAsync()),
            ],
            [])
        {
            FileStem = $"{year}-全院-工作概况",
        };
    }

    private static List<DocumentColumn> BranchColumns()
    {
        var columns = new List<DocumentColumn> { new("支部代码", 1), new("支部名称", 1.6), new("党员数", 0.8, ColumnKind.Number) };
        columns.AddRange(BranchTally.Phases.Select(p => new DocumentColumn($"{ChineseNames.Of(p)}阶段", 0.8, ColumnKind.Number)));
        columns.AddRange(new[] { "已承诺", "未承诺", "上半年已述绩", "上半年未述绩", "下半年已述绩", "下半年未述绩" }.Select(h => new DocumentColumn(h, 0.9, ColumnKind.Number)));
        columns.AddRange(BranchTally.SuggestedBands.Select(b => new DocumentColumn($"建议{b}", 0.9, ColumnKind.Number)));
        columns.AddRange(BranchTally.Ratings.Select(r => new DocumentColumn($"评定{ChineseNames.Of(r)}", 0.9, ColumnKind.Number)));
        columns.Add(new DocumentColumn("平均总分", 0.9, ColumnKind.Number));
        return columns;
    }

    private static readonly IReadOnlyList<DocumentColumn> RankingColumns =
        [new("名次", 0.7, ColumnKind.Number), new("支部", 1), new("工号", 1), new("姓名", 1), new("总分", 0.8, ColumnKind.Number), new("建议等次", 1.2), new("评定等次", 1)];

    /// <summary>The one pass over the college: the branch table's rows are written as it ends, the ranking after.</summary>
    private sealed class OverviewPass(IReadOnlyList<BranchRecord> branches)
    {
        private readonly List<RankingLine> _ranking = [];

        public async IAsyncEnumerable<DocumentRow> BranchRowsAsync(IAsyncEnumerable<MemberStanding> college, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var tally = await CollegeTally.CountAsync(branches, college, member => _ranking.Add(RankingLine.Of(member)), cancellationToken);
            foreach (var (code, name, branch) in tally.Branches)
            {
                yield return Row(code, name, branch, emphasis: false);
            }

            yield return Row("合计", "全院", tally.All, emphasis: true);
        }

        /// <summary>Lazy: read after the branch table, whose pass fills the ranking.</summary>
        public IAsyncEnumerable<DocumentRow> RankingRowsAsync() => RankingRows().ToAsyncEnumerable();

        private IEnumerable<DocumentRow> RankingRows()
        {
            var ordered = _ranking.OrderBy(l => l.Vetoed).ThenByDescending(l => l.Total).ThenBy(l => l.StaffNumber, StringComparer.Ordinal).ToList();
            var rank = 0;
            for (var i = 0; i < ordered.Count; i++)
            {
                var line = ordered[i];
                rank = i > 0 && ordered[i - 1].Vetoed == line.Vetoed && ordered[i - 1].Total == line.Total ? rank : i + 1;
                yield return new DocumentRow([rank.ToString(CultureInfo.InvariantCulture), line.BranchCode, line.StaffNumber, line.Name, line.TotalText, line.Suggested, line.Determined]);
            }
        }

        private static DocumentRow Row(string code, string name, BranchTally tally, bool emphasis)
        {
            var cells = new List<string> { code, name, Count(tally.Members) };
            cells.AddRange(BranchTally.Phases.Select(p => Count(tally.InPhase(p))));
            cells.AddRange(new[] { tally.Committed, tally.CommitmentsMissing, tally.FirstHalfDeclared, tally.FirstHalfMissing, tally.SecondHalfDeclared, tally.SecondHalfMissing }.Select(Count));
            cells.AddRange(BranchTally.SuggestedBands.Select(b => Count(tally.Suggested(b))));
            cells.AddRange(BranchTally.Ratings.Select(r => Count(tally.Determined(r))));
            cells.Add(tally.AverageTotal);
            return new DocumentRow(cells, emphasis);
        }

        private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
    }

    private sealed record RankingLine(string BranchCode, string StaffNumber, string Name, decimal Total, string TotalText, bool Vetoed, string Suggested, string Determined)
    {
        public static RankingLine Of(MemberStanding member)
        {
            var score = member.Score;
            return new RankingLine(
                member.Cycle.BranchCode, member.Cycle.StaffNumber, score.Name, score.Total, score.TotalScore, score.Vetoed,
                score.Vetoed ? "不合格（一票否决）" : score.SuggestedRatingName, member.Determined is { } rating ? ChineseNames.Of(rating) : string.Empty);
        }
    }
}
