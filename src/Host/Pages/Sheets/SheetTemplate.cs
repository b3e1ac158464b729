using MiniExcelLibs;

namespace Chuangji.Workflow.Host.Pages.Sheets;

/// <summary>
/// The template beside each upload: a sheet with only the header row (so an untouched template uploads nothing), and a
/// sheet 填写说明 with the rules of each column.
/// </summary>
internal static class SheetTemplate
{
    public static byte[] Write(SheetLayout layout)
    {
        var header = layout.Columns.ToDictionary(c => c.Header, object? (c) => c.Header);
        var notes = layout.Notes.Select(n => new Dictionary<string, object?> { ["说明"] = n }).ToList();
        notes.InsertRange(0, layout.Columns.Select(c => new Dictionary<string, object?>
        {
            ["说明"] = $"{c.Header}：{(c.Required ? "必填" : "可不填")}{(c.IsDate ? "，日期" : string.Empty)}",
        }));
        notes.Insert(0, new Dictionary<string, object?> { ["说明"] = "说明" });
        var sheets = new Dictionary<string, object>
        {
            [layout.Title] = new[] { header },
            ["填写说明"] = notes,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
