using System.Globalization;
using Chuangji.Assessment.V1;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Chuangji.Workflow.Modules.Documents.Sources;
using Chuangji.Workflow.Modules.Workflow.Contracts;

namespace Chuangji.Workflow.Modules.Documents.Features.GetPublicityList;

/// <summary>
/// 公示名单 (亮绩): a branch's members with every item's score, the bonus, the total and the suggested rating, the
/// window and how to object; after objections, their outcome. The public version, posted for the masses, is
/// the list alone: no staff numbers, no objections.
/// </summary>
/// <summary>The list and the window it is posted for (null before the branch enters publicity).</summary>
internal sealed record PublicityList(DocumentModel Document, PublicityWindow? PublicityWindow);

internal sealed class PublicityListDocument(YearDocuments years, MembersOfRecord records, IAssessmentRecords assessment, IWorkflowRecords workflow, ChineseDates dates)
{
    /// <summary>The branch's publicity window from its cycles alone (no scoring); null before it enters publicity.</summary>
    public async Task<PublicityWindow?> WindowAsync(int year, string branchCode, CancellationToken cancellationToken)
    {
        await years.RequireOpenedAsync(year, cancellationToken);
        await years.BranchAsync(branchCode, cancellationToken);
        return PublicityWindow.Of(await workflow.CyclesAsync(year, branchCode, cancellationToken).ToListAsync(cancellationToken));
    }

    public async Task<PublicityList> BuildAsync(int year, string branchCode, bool forThePublic, CancellationToken cancellationToken)
    {
        await years.RequireOpenedAsync(year, cancellationToken);
        var branch = await years.BranchAsync(branchCode, cancellationToken);
        var rubric = await assessment.RubricAsync(year, cancellationToken);
        var members = new List<MemberOfRecord>();
        await foreach (var member in records.ReadAsync(year, branchCode, cancellationToken))
        {
            members.Add(member);
        }

        var window = PublicityWindow.Of(members.Select(m => m.Cycle));
        var common = RubricColumns.Common(rubric);
        var columns = new List<DocumentColumn> { new("序号", 0.6) };
        if (!forThePublic)
        {
            columns.Add(new DocumentColumn("工号", 1.2));
        }

        columns.Add(new DocumentColumn("姓名", 1.2));
        columns.AddRange(common.Select(item => new DocumentColumn($"{item.Name}（{item.MaxPoints}分）", 1, ColumnKind.Number)));
        columns.Add(new DocumentColumn($"个性内容（{RubricColumns.PersonalMax(rubric)}分）", 1, ColumnKind.Number));
        columns.Add(new DocumentColumn("加分", 0.8, ColumnKind.Number));
        columns.Add(new DocumentColumn("总分", 0.9, ColumnKind.Number));
        columns.Add(new DocumentColumn("建议等次", 1.1));

        var tables = new List<DocumentTable>
        {
            new("公示名单", $"{branch.Name}党员“先锋创绩”考核结果", columns, Rows(members, common, forThePublic).ToAsyncEnumerable())
            {
                Notes = [forThePublic ? "建议等次为计分结果对应的等次，最终等次由支部党员大会评定。" : "建议等次为计分结果对应的等次；“不合格”含一票否决。最终等次由支部党员大会评定。"],
            },
        };
        if (!forThePublic)
        {
            tables.Add(Objections(members, window is not null));
        }

        var model = new DocumentModel(
            $"{year}年度{branch.Name}党员“先锋创绩”考核结果公示",
            [
                WindowLine(window),
                $"对公示结果有异议的，请在公示期内向{branch.Name}书记{branch.SecretaryName}反映；党员本人可在公示期内提出异议，支部将核实处理并告知结果。",
            ],
            tables,
            [branch.Name, $"书记：{branch.SecretaryName}"])
        {
            FileStem = $"{year}-{branchCode}-公示名单",
        };
        return new PublicityList(model, window);
    }

    private string WindowLine(PublicityWindow? window) => window is null
        ? "公示期：本支部尚未进入亮绩（公示）阶段，本名单为草稿。"
        : $"公示期：{dates.Moment(window.Opens)}至{dates.Moment(window.Closes)}";

    private static IEnumerable<DocumentRow> Rows(IReadOnlyList<MemberOfRecord> members, IReadOnlyList<RubricItem> common, bool forThePublic)
    {
        var number = 0;
        foreach (var member in members)
        {
            var card = member.Scorecard;
            var cells = new List<string> { (++number).ToString(CultureInfo.InvariantCulture) };
            if (!forThePublic)
            {
                cells.Add(card.StaffNumber);
            }

            cells.Add(card.Name);
            cells.AddRange(common.Select(item => card.Items.FirstOrDefault(i => i.Code == item.Code)?.Score ?? string.Empty));
            cells.Add(RubricColumns.PersonalScore(card, common));
            cells.Add(card.BonusScore);
            cells.Add(card.TotalScore);
            // The masses see the rating; why a member was vetoed stays with the branch (D-PublicPage).
            cells.Add(card.Veto is null ? card.SuggestedRatingName : forThePublic ? "不合格" : "不合格（一票否决）");
            yield return new DocumentRow(cells);
        }
    }

    private DocumentTable Objections(IReadOnlyList<MemberOfRecord> members, bool posted)
    {
        var rows = members
            .SelectMany(m => m.Cycle.Objections.Select(o => new DocumentRow(
            [
                m.Scorecard.Name,
                m.Cycle.StaffNumber,
                dates.Moment(o.RaisedAt),
                o.Content,
                ChineseNames.Of(o.Status),
                o.Resolution,
                dates.Moment(o.ResolvedAt),
            ])))
            .ToList();
        if (rows.Count == 0)
        {
            // A draft printed before the branch enters publicity has had no period in which to object.
            rows.Add(new DocumentRow([posted ? "公示期内未收到异议" : "尚未公示，暂无异议", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]));
        }

        return new DocumentTable(
            "异议及处理",
            "异议及处理结果",
            [new("姓名", 1), new("工号", 1), new("提出时间", 1.4), new("异议内容", 3), new("处理结果", 1.1), new("说明", 2.5), new("处理时间", 1.4)],
            rows.ToAsyncEnumerable());
    }
}
