using System.Globalization;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Chuangji.Workflow.Modules.Documents.Sources;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Documents.Features.GetScoringTable;

/// <summary>
/// 考核评分表: one member's table in the source's own form (序号, 项目, 考评内容和评分标准, 分值, 得分, 备注), 共性内容,
/// the member's 个性内容 and 加分内容, filled in from the scorecard of record; 备注 names each deduction and the
/// facts behind it, and the veto when there is one. The criteria are the year's table's own words.
/// </summary>
internal sealed class ScoringTableDocument(YearDocuments years, MembersOfRecord records, IAssessmentRecords assessment, IMembersModule members, ChineseDates dates)
{
    public async Task<DocumentModel> BuildAsync(int year, string staffNumber, CancellationToken cancellationToken)
    {
        await years.RequireOpenedAsync(year, cancellationToken);
        var member = await members.FindMemberAsync(staffNumber, cancellationToken)
            ?? throw new NotFoundException("member", staffNumber, "staff_number");
        var branch = await years.BranchAsync(member.BranchCode, cancellationToken);
        var record = await records.OneAsync(year, staffNumber, cancellationToken)
            ?? throw new NotFoundException($"cycle of {year} for member", staffNumber, "staff_number");
        var rubric = await assessment.RubricAsync(year, cancellationToken);
        var card = record.Scorecard;
        var facts = (await assessment.FactsAsync(FactIds(card), cancellationToken)).ToDictionary(f => f.FactId);
        var notes = new ScoreLineNotes(facts);
        var vetoItems = card.Veto is { } veto ? rubric.FactKinds.FirstOrDefault(k => k.Kind == veto.Kind)?.ItemCodes.ToHashSet() ?? [] : [];

        var rows = new List<DocumentRow>();
        var common = RubricColumns.Common(rubric);
        var commonMax = common.Sum(i => Points(i.MaxPoints));
        rows.Add(Group($"共性内容（{Text(commonMax)}分）"));
        var number = 0;
        foreach (var item in common)
        {
            rows.Add(ItemRow(++number, item, card.Items.FirstOrDefault(i => i.Code == item.Code), notes, vetoItems.Contains(item.Code) ? card.Veto : null));
        }

        var personal = RubricColumns.Personal(rubric).Where(i => card.Items.Any(c => c.Code == i.Code)).ToList();
        rows.Add(Group($"个性内容（{RubricColumns.PersonalMax(rubric)}分）"));
        foreach (var item in personal)
        {
            rows.Add(ItemRow(++number, item, card.Items.First(i => i.Code == item.Code), notes, vetoItems.Contains(item.Code) ? card.Veto : null));
        }

        rows.Add(Group("加分内容"));
        rows.Add(new DocumentRow(
        [
            (++number).ToString(CultureInfo.InvariantCulture),
            "加分",
            BonusCriteria(rubric),
            "实际累加",
            card.BonusScore,
            card.BonusLines.Count == 0 ? "无" : string.Join("\n", card.BonusLines.Select(notes.Added)),
        ]));
        rows.Add(new DocumentRow(["", "合计", "基本分＋加分", "100", card.TotalScore, TotalNote(card)], Emphasis: true));

        return new DocumentModel(
            $"{year}年度党员“先锋创绩”考核评分表",
            [
                $"姓名：{member.Name}　工号：{member.StaffNumber}　支部：{branch.Name}　类别：{ChineseNames.Of(card.Category)}",
                Basis(record),
            ],
            [
                new DocumentTable("考核评分表", rubric.Name, Columns, rows.ToAsyncEnumerable())
                {
                    Notes = ["备注：本考核评分表以百分制形式计分。"],
                },
            ],
            Footer(record))
        {
            FileStem = $"{year}-{staffNumber}-考核评分表",
        };
    }

    private static readonly IReadOnlyList<DocumentColumn> Columns =
    [
        new("序号", 0.5),
        new("项目", 1.3),
        new("考评内容和评分标准", 5.2),
        new("分值", 0.7, ColumnKind.Number),
        new("得分", 0.7, ColumnKind.Number),
        new("备注", 2.6),
    ];

    /// <summary>A part's heading (共性内容, 个性内容, 加分内容), in the wide criteria column so it reads on one line.</summary>
    private static DocumentRow Group(string title) => new([string.Empty, string.Empty, title, string.Empty, string.Empty, string.Empty], Emphasis: true);

    private static DocumentRow ItemRow(int number, RubricItem item, ItemScore? score, ScoreLineNotes notes, Veto? veto)
    {
        var remarks = score is null ? [] : score.Deductions.Select(notes.Deducted).ToList();
        if (veto is not null)
        {
            remarks.Add(notes.Vetoed(veto));
        }

        return new DocumentRow(
        [
            number.ToString(CultureInfo.InvariantCulture),
            item.Name,
            item.Criteria.Length > 0 ? item.Criteria : item.Name,
            item.MaxPoints,
            score?.Score ?? string.Empty,
            remarks.Count == 0 ? "无扣分" : string.Join("\n", remarks),
        ]);
    }

    private static string BonusCriteria(Rubric rubric) =>
        rubric.BonusCriteria.Length > 0
            ? rubric.BonusCriteria
            : string.Join("；", rubric.FactKinds.Where(k => k.Rule == FactRule.Bonus).Select(k => $"{k.Name}加{k.Points}分"));

    private static string TotalNote(Scorecard card) => card.Veto is { } veto
        ? $"一票否决：{veto.Name}，定为不合格"
        : $"建议等次：{card.SuggestedRatingName}";

    private string Basis(MemberOfRecord record) => record.Determination is { } determination
        ? $"得分依据：{dates.Moment(determination.DeterminedAt)}支部党员大会定绩时冻结的评分（评分表第{record.Scorecard.RubricVersion}版）"
        : $"得分依据：截至{dates.Moment(record.Scorecard.AsOf)}登记的事实（评分表第{record.Scorecard.RubricVersion}版，尚未定绩）";

    /// <summary>The meeting's result, then the lines the paper copy is signed on before it is filed (存入党员日常管理档案).</summary>
    private static IReadOnlyList<string> Footer(MemberOfRecord record) =>
    [
        .. record.Determination is { } d
            ? new[] { $"评定等次：{ChineseNames.Of(d.Rating)}", $"党员互评：{d.PeerReviewSummary}", $"书记点评：{d.SecretaryComment}" }
            : ["评定等次：（待支部党员大会评定）"],
        "党员签字：＿＿＿＿＿＿　　支部书记签字：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
    ];

    private static List<long> FactIds(Scorecard card) =>
        card.Items.SelectMany(i => i.Deductions).Concat(card.BonusLines).SelectMany(l => l.FactIds)
            .Concat(card.Veto is { } veto ? [veto.FactId] : [])
            .Distinct()
            .ToList();

    private static decimal Points(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(decimal points) => points.ToString(CultureInfo.InvariantCulture);
}
