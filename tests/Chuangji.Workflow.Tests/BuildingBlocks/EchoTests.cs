using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;

namespace Chuangji.Workflow.Tests.BuildingBlocks;

public sealed class EchoTests
{
    [Fact]
    public void Of_WhenTheValueIsShort_IsTheValue()
    {
        Echo.Of(new string('x', Echo.MaxLength)).Should().Be(new string('x', Echo.MaxLength));
    }

    [Fact]
    public void Of_WhenTheValueIsLong_IsAPrefixMarkedWithAnEllipsis()
    {
        Echo.Of(new string('x', 1_000_000)).Should().Be(new string('x', Echo.MaxLength) + "…");
    }

    [Fact]
    public void Of_WhenTheCutFallsInASurrogatePair_LeavesThePairOut()
    {
        var value = new string('x', Echo.MaxLength - 1) + "😀😀";

        var echo = Echo.Of(value);

        echo.Should().Be(new string('x', Echo.MaxLength - 1) + "…");
        System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(echo)).Should().Be(echo, "an unpaired surrogate would not survive UTF-8");
    }

    [Fact]
    public void FieldViolation_WhenItsPathAndDescriptionAreLong_KeepsBoundedOnes()
    {
        var violation = new FieldViolation(new string('f', 10_000), new string('d', 10_000));

        (violation.Field.Length, violation.Description.Length).Should().Be((ErrorText.MaxFieldLength + 1, ErrorText.MaxDescriptionLength + 1));
    }

    [Fact]
    public void InvalidArgument_WhenManyLongViolations_NamesTheFirstFewThenHowManyMore()
    {
        var violations = Enumerable.Range(0, 50).Select(i => new FieldViolation($"rows[{i}].name", new string('d', 250))).ToList();

        var refusal = new InvalidArgumentException(violations);

        refusal.Message.Should().StartWith("invalid request: rows[0].name: ").And.EndWith("; and 48 more");
        refusal.Message.Length.Should().BeLessThan(ErrorText.MaxMessageLength);
    }
}
