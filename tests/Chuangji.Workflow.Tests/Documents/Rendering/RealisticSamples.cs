using Chuangji.Workflow.Modules.Documents.Rendering;

namespace Chuangji.Workflow.Tests.Documents.Rendering;

/// <summary>Documents shaped like the real ones: a member's scoring table with multi-line cells, a wide outcome list, a 25-column overview.</summary>
internal static class RealisticSamples
{
    public const string Criteria = "1. 按时参加学院组织的创新创业培训；\n2. 加强与企业的合作交流，完成年度指导任务；\n3. 无故缺席 扣4分（2026年3月12日 2次）";

    public const string Remark = "公示期：2026年12月24日 09:00\n至2026年12月31日 17:00";

    public static DocumentModel Scoring() => new(
        "2026年度创新创业积分考核评分表",
        ["成员：张三（T001）", "学院：计算机与信息学院"],
        [
            new DocumentTable(
                "评分",
                "一、考评内容",
                [
                    new DocumentColumn("序号", 0.6),
                    new DocumentColumn("项目", 1.4),
                    new DocumentColumn("考评内容和评分标准", 5),
                    new DocumentColumn("分值", 0.8, ColumnKind.Number),
                    new DocumentColumn("得分", 0.8, ColumnKind.Number),
                    new DocumentColumn("备注", 2),
                ],
                RenderingSamples.Rows(
                [
                    .. Enumerable.Range(1, 9).SelectMany(g => new[]
                    {
                        new DocumentRow([$"{"一二三四五六七八九"[g - 1]}", "基础工作", string.Empty, "20", string.Empty, string.Empty], Emphasis: true),
                        new DocumentRow([$"{g}.1", "培训与交流", Criteria, "10", "8.5", Remark]),
                        new DocumentRow([$"{g}.2", "竞赛指导", "指导学生参加省级以上创新创业竞赛并获奖。每项加2分，最高10分。" + RenderingSamples.LongRemark, "10", "6", "2026年12月24日 09:00"]),
                    }),
                    new DocumentRow(["公示期内未收到异议", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]),
                ]))
            {
                Notes = ["备注：得分由学院考核小组评定。"],
            },
        ],
        ["考核小组签字：", "日期：2026年12月31日"])
    {
        FileStem = "评分表",
    };

    public static DocumentModel Outcomes() => new(
        "2026年度积分用绩结果",
        ["学院：计算机与信息学院"],
        [
            new DocumentTable(
                "用绩",
                "用绩结果",
                [
                    new DocumentColumn("序号", 0.6), new DocumentColumn("工号", 1), new DocumentColumn("姓名", 1), new DocumentColumn("总分", 0.8, ColumnKind.Number),
                    new DocumentColumn("等级", 0.8), new DocumentColumn("用途", 1.5), new DocumentColumn("认定时间", 1.6), new DocumentColumn("备注", 2.5),
                ],
                RenderingSamples.Rows([.. Enumerable.Range(1, 30).Select(i => new DocumentRow([$"{i}", $"T{i:D3}", "欧阳明", "88.5", "优秀", "职称评审\n评优评先", "2026年12月24日 09:00", RenderingSamples.LongRemark]))])),
        ],
        [])
    {
        FileStem = "用绩",
    };

    public static DocumentModel Overview() => new(
        "计算机与信息学院2026年度积分总览",
        [],
        [
            new DocumentTable(
                "总览",
                "全院成员",
                [new DocumentColumn("序号", 0.6), new DocumentColumn("姓名", 1), .. Enumerable.Range(1, 23).Select(i => new DocumentColumn($"第{i}项得分", 1, ColumnKind.Number))],
                RenderingSamples.Rows([.. Enumerable.Range(1, 40).Select(i => new DocumentRow([$"{i}", $"成员{i}", .. Enumerable.Range(1, 23).Select(j => $"{(i * j) % 17}.5")]))])),
        ],
        [])
    {
        FileStem = "总览",
    };
}
