namespace Chuangji.Workflow.Host.Pages.Sheets;

/// <summary>A column of an uploadable sheet: its header as people write it, and the field of the RPC's row it fills.</summary>
internal sealed record SheetColumn(string Header, string Field, bool IsDate = false, bool Required = true);

/// <summary>
/// A sheet the console reads for an RPC that takes rows (ImportMembers, RecordEvents). The sheet only carries the rows:
/// the RPC decides each row, so its rules stay in one place.
/// </summary>
internal sealed record SheetLayout(string Name, string Title, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<string> Notes)
{
    public const int MaxRows = 10_000;

    public static readonly SheetLayout Members = new(
        "members",
        "党员名册",
        [
            new("工号", "staffNumber"),
            new("姓名", "name"),
            new("党员类别", "category"),
            new("入党日期", "joinedPartyOn", IsDate: true),
            new("专业特长", "specialty", Required: false),
            new("支部代码", "branchCode", Required: false),
        ],
        [
            "第一行是表头，请勿改动；从第二行起每行一名党员。",
            "党员类别填“在职党员”或“离退休党员”。",
            "入党日期写成 2001-07-01 这样的日期。",
            "支部代码不填时为本支部。",
            "同一份名册再次上传不会重复登记：已登记且内容相同的行答“已在册”。",
        ]);

    public static readonly SheetLayout Facts = new(
        "facts",
        "事实登记",
        [
            new("工号", "staffNumber"),
            new("事实种类", "kind"),
            new("发生日期", "occurredOn", IsDate: true),
            new("次数", "count", Required: false),
            new("分值", "points", Required: false),
            new("说明", "note", Required: false),
        ],
        [
            "第一行是表头，请勿改动；从第二行起每行一条事实。",
            "事实种类填评分表中的名称（如“无故缺席”）或其代码（如 MEETING_ABSENCE）；上传页面的“可填写的事实种类”列出本年度的全部名称和代码。",
            "发生日期写成 2026-03-05 这样的日期，不能晚于今天。",
            "次数只对按次计分的种类填写，不填为 1；分值只对由支部评定分值的种类填写。",
            "同一份表格再次上传不会重复计分：内容相同的行答“已登记过，未重复计入”。两条完全相同的事实请各占一行。",
        ]);

    public static SheetLayout? Named(string name) => name switch
    {
        "members" => Members,
        "facts" => Facts,
        _ => null,
    };
}
