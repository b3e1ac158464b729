using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Paging;

namespace Chuangji.Workflow.Tests.BuildingBlocks;

public sealed class PageRequestTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    [InlineData(501, 500)]
    public void Parse_WhenSizeIsGiven_UsesTheDefaultOrClampsToTheMaximum(int requested, int expected)
    {
        PageRequest.Parse(requested, null, "f").Size.Should().Be(expected);
    }

    [Fact]
    public void Parse_WhenTokenWasIssuedForTheSameFilters_ContinuesAfterItsKey()
    {
        var token = PageRequest.NextToken("T1005", "members|B01");

        PageRequest.Parse(10, token, "members|B01").After.Should().Be("T1005");
    }

    [Fact]
    public void Parse_WhenTokenWasIssuedForOtherFilters_IsRefusedNamingPageToken()
    {
        var token = PageRequest.NextToken("T1005", "members|B01");

        var parse = () => PageRequest.Parse(10, token, "members|B02");

        parse.Should().Throw<InvalidArgumentException>().Which.Violations.Single().Field.Should().Be("page_token");
    }
}
