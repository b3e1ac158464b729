using System.Net;
using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>
/// The list "posted for the masses": without a token, only while the branch's publicity window is open, and nothing
/// on it beyond the list itself (no staff numbers, no objections, no links).
/// </summary>
public sealed class PublicityPageTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_service);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ThePage_IsThereWithoutAToken_OnlyDuringTheWindow()
    {
        using var anyone = _service.HttpClientWith(null);

        (await anyone.GetAsync("/publicity/2026/B01")).StatusCode.Should().Be(HttpStatusCode.NotFound, "before the window opens there is nothing to see");

        await DocumentsCollege.EnterPublicityAsync(_service);
        _service.Time.SetUtcNow(DocumentsCollege.At(12, 20));
        var open = await anyone.GetAsync("/publicity/2026/B01");
        open.StatusCode.Should().Be(HttpStatusCode.OK);
        open.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await open.Content.ReadAsStringAsync();
        var text = ReadBack.HtmlText(html);
        text.Should().Contain("2 刘洋 12 16 16 16 16 20 3 99 优秀")
            .And.Contain("3 赵敏 10 16 16 11 16 20 0 89 合格")
            .And.Contain("1 黄桂兰 16 13 11 10 16 20 0 86 不合格 ")
            .And.Contain("公示期：2026年12月18日 10:00至2026年12月23日 10:00");
        text.Should().NotContain("T1002", "staff numbers are not posted").And.NotContain("迟到只有两次", "objections are not posted")
            .And.NotContain("一票否决", "why a member was vetoed stays with the branch");
        html.Should().NotContain("<a ", "the page links nowhere").And.NotContain("<script", "the page runs nothing");

        (await anyone.GetAsync("/publicity/2026/B02")).StatusCode.Should().Be(HttpStatusCode.OK, "B02 entered publicity with B01");
        (await anyone.GetAsync("/publicity/2026/B99")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anyone.GetAsync("/publicity/2025/B01")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        _service.Time.SetUtcNow(DocumentsCollege.PublicityCloses);
        var closed = await anyone.GetAsync("/publicity/2026/B01");
        closed.StatusCode.Should().Be(HttpStatusCode.NotFound, "once the window has closed the list is taken down");
        ReadBack.HtmlText(await closed.Content.ReadAsStringAsync()).Should().Contain("这份名单目前不在公示期内", "a shared link tells the public why, in Chinese");
    }

    [Fact]
    public async Task TheIndex_LinksTheListsBeingPostedNow_WithoutAToken()
    {
        using var anyone = _service.HttpClientWith(null);

        var before = ReadBack.HtmlText(await anyone.GetStringAsync("/publicity"));
        await DocumentsCollege.EnterPublicityAsync(_service);
        _service.Time.SetUtcNow(DocumentsCollege.At(12, 20));
        var during = await anyone.GetStringAsync("/publicity");
        _service.Time.SetUtcNow(DocumentsCollege.PublicityCloses);
        var after = ReadBack.HtmlText(await anyone.GetStringAsync("/publicity"));

        before.Should().Contain("2026年度党员“先锋创绩”公示").And.Contain("目前没有正在公示的名单");
        during.Should().Contain("<a href=\"/publicity/2026/B01\">").And.Contain("<a href=\"/publicity/2026/B02\">").And.NotContain("目前没有");
        after.Should().Contain("目前没有正在公示的名单", "a closed window is no longer listed");
    }
}
