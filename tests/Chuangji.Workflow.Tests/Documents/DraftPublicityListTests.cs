using Chuangji.Documents.V1;
using Chuangji.Workflow.Tests.Infrastructure;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>The publicity list printed before the branch enters publicity (亮绩): a draft, with no period to object in yet.</summary>
public sealed class DraftPublicityListTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync(start: DocumentsCollege.January5);
        await DocumentsCollege.WalkToMassReviewAsync(_service);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task BeforePublicity_TheListIsADraft_AndSaysNoObjectionsCanHaveBeenRaisedYet()
    {
        var download = await Download.FromGrpcAsync(
            new DocumentService.DocumentServiceClient(_service.Channel).GetPublicityList(
                new GetPublicityListRequest { Year = 2026, BranchCode = "B01", Format = DocumentFormat.Html }),
            r => r.Chunk);

        var text = ReadBack.HtmlText(download.Text);
        text.Should().Contain("本支部尚未进入亮绩（公示）阶段，本名单为草稿")
            .And.Contain("尚未公示，暂无异议")
            .And.NotContain("公示期内未收到异议");
    }
}
