using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using MiniExcelLibs;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>
/// The console's spreadsheet uploads over HTTP: the templates, and a sheet read into rows (cells as text, dates as
/// YYYY-MM-DD, a key per row that is the same when the sheet comes again), with every bad upload refused by name.
/// </summary>
public sealed class SheetUploadTests : IAsyncLifetime
{
    private static readonly TokenRequest Secretary = new(CallerRole.Secretary, "T1002", "B01", [], TimeSpan.FromHours(1));

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartSeededAsync(MembersFixtures.TestCollege(TestService.DefaultStart));

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("members", "党员名册", new[] { "工号", "姓名", "党员类别", "入党日期", "专业特长", "支部代码" })]
    [InlineData("facts", "事实登记", new[] { "工号", "事实种类", "发生日期", "次数", "分值", "说明" })]
    public async Task ATemplate_IsTheHeaderRowAndItsNotes_AndUploadedUntouchedReadsNoRows(string sheet, string title, string[] headers)
    {
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));
        var template = await http.GetByteArrayAsync(new Uri($"/console/sheets/{sheet}-template.xlsx", UriKind.Relative));

        using var stream = new MemoryStream(template);
        stream.GetSheetNames().Should().Equal(title, "填写说明");
        var rows = stream.Query(useHeaderRow: false, sheetName: title).Cast<IDictionary<string, object>>().ToList();
        rows.Should().ContainSingle("the template holds the header row only").Which.Values.Should().Equal(headers);
        stream.Query(useHeaderRow: true, sheetName: "填写说明").Should().NotBeEmpty();

        var read = await ReadAsync(http, sheet, template);
        read.GetProperty("rows").GetArrayLength().Should().Be(0);
        read.GetProperty("problems").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task TheFactTemplatesExample_IsAKindOfTheDefaultTable_ByNameAndByCode()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));
        using var stream = new MemoryStream(await http.GetByteArrayAsync(new Uri("/console/sheets/facts-template.xlsx", UriKind.Relative)));
        var notes = stream.Query(useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object>>().Select(r => r["说明"]?.ToString() ?? string.Empty).ToList();

        var rubric = (await new Chuangji.Assessment.V1.AssessmentService.AssessmentServiceClient(_service.Channel).GetRubricAsync(new Chuangji.Assessment.V1.GetRubricRequest { Year = 2026 })).Rubric;
        var example = notes.Single(n => n.StartsWith("事实种类填", StringComparison.Ordinal));
        example.Should().Contain("“无故缺席”").And.Contain("MEETING_ABSENCE");
        rubric.FactKinds.Should().Contain(k => k.Kind == "MEETING_ABSENCE" && k.Name == "无故缺席", "the example a person copies must be accepted (a new user's walk found one that was not)");
    }

    [Fact]
    public async Task AFactSheet_ReadsAsText_DatesAsIsoDays_BlankRowsSkipped_AndTheSameSheetAgainHasTheSameKeys()
    {
        var sheet = Sheet(
            Fact("T1002", "无故缺席", new DateTime(2026, 3, 5), 2, null, "三月支部会"),
            Fact(null, null, null, null, null, null),
            Fact("T1003", "MEETING_ABSENCE", "2026-04-01", null, null, null),
            Fact("T1003", "MEETING_ABSENCE", "2026-04-01", null, null, null));
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var first = await ReadAsync(http, "facts", sheet);
        var again = await ReadAsync(http, "facts", sheet);

        var rows = first.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("row").GetInt32()).Should().Equal([2, 4, 5], "row 1 is the header and row 3 is blank");
        var cells = rows[0].GetProperty("cells");
        (cells.GetProperty("staffNumber").GetString(), cells.GetProperty("kind").GetString(), cells.GetProperty("occurredOn").GetString(), cells.GetProperty("count").GetString(), cells.GetProperty("points").GetString(), cells.GetProperty("note").GetString())
            .Should().Be(("T1002", "无故缺席", "2026-03-05", "2", "", "三月支部会"));
        rows[1].GetProperty("cells").GetProperty("occurredOn").GetString().Should().Be("2026-04-01", "a date typed as text stays as written");
        var keys = rows.Select(r => r.GetProperty("key").GetString()).ToList();
        keys.Should().OnlyHaveUniqueItems("two identical rows are two facts").And.AllSatisfy(k => k.Should().MatchRegex("^[0-9a-f]{32}$"));
        again.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Should().Equal(keys, "the same sheet again asks for the same requests");
    }

    [Fact]
    public async Task ADateColumnHoldingANumberOutsideExcelsDays_IsAProblemOfItsRow()
    {
        var sheet = Sheet(Fact("T1002", "无故缺席", 99999999d, null, null, null), Fact("T1002", "无故缺席", 46086d, null, null, null));
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var read = await ReadAsync(http, "facts", sheet);

        read.GetProperty("problems").EnumerateArray().Should().ContainSingle().Which.Should().Match<JsonElement>(p =>
            p.GetProperty("row").GetInt32() == 2 && p.GetProperty("column").GetString() == "发生日期" && p.GetProperty("message").GetString() == "is not a date");
        // 46086 is Excel's serial day of 2026-03-05 (46023 is 2026-01-01, plus 63 days).
        read.GetProperty("rows")[1].GetProperty("cells").GetProperty("occurredOn").GetString().Should().Be("2026-03-05");
    }

    [Fact]
    public async Task ASheetWithoutARequiredColumn_IsRefusedNamingIt()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object?> { ["工号"] = "T1002", ["发生日期"] = "2026-03-05", ["次数"] = 1, ["分值"] = "", ["说明"] = "" } });
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var (status, body) = await PostAsync(http, "facts", stream.ToArray());

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("code").GetInt32().Should().Be(3, "INVALID_ARGUMENT");
        body.GetProperty("message").GetString().Should().Be("file lacks the column(s) 事实种类 in its first row; start from the template");
    }

    [Fact]
    public async Task AFileThatIsNoWorkbook_IsRefused()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var (status, body) = await PostAsync(http, "members", "工号,姓名\nT1,张三\n"u8.ToArray());

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("message").GetString().Should().StartWith("file is not a readable .xlsx workbook");
    }

    [Fact]
    public async Task AWorkbookThatUnpacksBeyondTheBound_IsRefusedBeforeItIsRead()
    {
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 65; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }

        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));
        var (status, body) = await PostAsync(http, "facts", bomb.ToArray());

        bomb.Length.Should().BeLessThan(SheetLimit, "a small file");
        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("message").GetString().Should().Be("file unpacks to more than 64 MB; split it into several sheets");
    }

    [Fact]
    public async Task AFileOverTheSizeLimit_IsResourceExhausted()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var (status, body) = await PostAsync(http, "facts", new byte[SheetLimit + 1]);

        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        body.GetProperty("code").GetInt32().Should().Be(8, "RESOURCE_EXHAUSTED");
        body.GetProperty("message").GetString().Should().Be("file must be at most 4 MB");
    }

    [Fact]
    public async Task ASheetOfMoreRowsThanAnRpcTakes_IsRefused()
    {
        var rows = Enumerable.Range(0, 10_001).Select(i => Fact($"T{i}", "无故缺席", "2026-03-05", null, null, null)).ToArray();
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var (status, body) = await PostAsync(http, "facts", Sheet(rows));

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("message").GetString().Should().Be("file holds more than 10000 rows; split it into several sheets");
    }

    [Fact]
    public async Task WithoutACaller_OrForNoSuchSheet_NothingIsRead()
    {
        using var anonymous = _service.HttpClientWith(null);
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var (unsigned, _) = await PostAsync(anonymous, "facts", Sheet(Fact("T1002", "无故缺席", "2026-03-05", null, null, null)));
        (await anonymous.GetAsync(new Uri("/console/sheets/facts-template.xlsx", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var (unknown, body) = await PostAsync(http, "opinions", Sheet(Fact("T1002", "无故缺席", "2026-03-05", null, null, null)));

        unsigned.Should().Be(HttpStatusCode.Unauthorized);
        unknown.Should().Be(HttpStatusCode.NotFound);
        body.GetProperty("message").GetString().Should().Be("name 'opinions' is no sheet; the sheets are members and facts");
    }

    [Fact]
    public async Task ARowNumberedFarDown_IsOneRow_NotBillionsOfBlankOnesBeforeIt()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var read = await ReadAsync(http, "facts", RawSheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>工号</t></is></c><c r="B1" t="inlineStr"><is><t>事实种类</t></is></c><c r="C1" t="inlineStr"><is><t>发生日期</t></is></c><c r="D1" t="inlineStr"><is><t>次数</t></is></c><c r="E1" t="inlineStr"><is><t>分值</t></is></c><c r="F1" t="inlineStr"><is><t>说明</t></is></c></row><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>T1002</t></is></c></row>"""));

        read.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).Should().ContainSingle("the blank rows between are not made up and walked");
    }

    [Fact]
    public async Task ASheetOfMoreTextThanTheBound_IsRefused_AndALongCellIsAProblemOfItsRow()
    {
        var note = new string('注', 501);
        var rows = Enumerable.Range(0, 9_000).Select(i => new Dictionary<string, object?>
        {
            ["工号"] = $"T{i}", ["事实种类"] = new string('种', 500), ["发生日期"] = "2026-03-05", ["次数"] = "", ["分值"] = "", ["说明"] = note,
        }).ToArray();
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var (status, body) = await PostAsync(http, "facts", Sheet(rows));
        var one = await ReadAsync(http, "facts", Sheet(rows[0]));

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("message").GetString().Should().Be("file holds more than 4,000,000 characters of text; split it into several sheets");
        one.GetProperty("problems").EnumerateArray().Single().GetProperty("message").GetString().Should().Be("is longer than 500 characters");
    }

    [Fact]
    public async Task TheKey_IsTheFactsIdentity_NotItsNote_AndABlankCountIsOne()
    {
        using var http = _service.HttpClientWith(_service.TokenFor(Secretary));

        var first = await ReadAsync(http, "facts", Sheet(Fact("T1002", "MEETING_ABSENCE", "2026-03-05", null, null, "三月支部会")));
        var edited = await ReadAsync(http, "facts", Sheet(Fact("T1002", "MEETING_ABSENCE", "2026-03-05", 1, null, "三月份支部大会")));
        var twice = await ReadAsync(http, "facts", Sheet(Fact("T1002", "MEETING_ABSENCE", "2026-03-05", 2, null, "三月支部会")));

        Key(edited).Should().Be(Key(first), "a corrected note or a count written out is the same fact, asked for again, counted once");
        Key(twice).Should().NotBe(Key(first), "two absences are another fact");
    }

    [Fact]
    public async Task AMember_DoesNotUploadSheets()
    {
        using var member = _service.HttpClientWith(_service.TokenFor(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.FromHours(1))));

        var (status, body) = await PostAsync(member, "facts", Sheet(Fact("T1002", "无故缺席", "2026-03-05", null, null, null)));

        status.Should().Be(HttpStatusCode.Forbidden);
        body.GetProperty("code").GetInt32().Should().Be(7, "PERMISSION_DENIED");
    }

    private static string Key(JsonElement read) => read.GetProperty("rows")[0].GetProperty("key").GetString()!;

    /// <summary>A workbook written by hand: one sheet of the given rows XML, inline strings.</summary>
    private static byte[] RawSheet(string rows)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="事实登记" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""");
        }

        return stream.ToArray();
    }

    private const int SheetLimit = 4 * 1024 * 1024;

    private static Dictionary<string, object?> Fact(string? staff, string? kind, object? day, int? count, string? points, string? note) => new()
    {
        ["工号"] = staff, ["事实种类"] = kind, ["发生日期"] = day, ["次数"] = count, ["分值"] = points, ["说明"] = note,
    };

    private static byte[] Sheet(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<JsonElement> ReadAsync(HttpClient http, string sheet, byte[] file)
    {
        var (status, body) = await PostAsync(http, sheet, file);
        status.Should().Be(HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, string sheet, byte[] file)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var response = await http.PostAsync(new Uri($"/console/sheets/{sheet}:read", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
