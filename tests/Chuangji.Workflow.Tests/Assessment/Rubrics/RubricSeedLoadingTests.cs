using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.BuildingBlocks.Validation.Rules;
using Chuangji.Workflow.Modules.Assessment.Domain.Validation;
using Chuangji.Workflow.Modules.Assessment.Seeding;

namespace Chuangji.Workflow.Tests.Assessment.Rubrics;

public sealed class RubricSeedLoadingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chuangji-tests", Guid.NewGuid().ToString("N"));
    private readonly string _seedText = File.ReadAllText(DefaultRubric.SeedPath);

    public RubricSeedLoadingTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Parse_WhenPointsHaveDecimals_KeepsThemExact()
    {
        var text = Edit(_seedText, "\"name\": \"带头学习提高\", \"maxPoints\": 16", "\"name\": \"带头学习提高\", \"maxPoints\": 15.9");
        text = Edit(text, "\"name\": \"带头争创佳绩\", \"maxPoints\": 16", "\"name\": \"带头争创佳绩\", \"maxPoints\": 16.1");

        var rubric = RubricJson.Parse(text);

        rubric.Items[0].MaxPoints.Should().Be(15.9m);
        RubricRules.All.ProblemsIn(rubric).Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"rule\": \"PER_COUNT\", \"points\": 2 }", "\"rule\": \"PER_EACH\", \"points\": 2 }")]
    [InlineData("\"rule\": \"PER_COUNT\", \"points\": 2 }", "\"rule\": \"PER_COUNT\", \"points\": 2, \"pionts\": 2 }")]
    [InlineData("\"rule\": \"PER_COUNT\", \"points\": 2 }", "\"rule\": 1, \"points\": 2 }")]
    [InlineData("\"itemCodes\": [\"STUDY\"], \"rule\": \"PER_COUNT\"", "\"rule\": \"PER_COUNT\"")]
    public void ReadFile_WhenJsonDoesNotFitTheShape_NamesTheFile(string original, string replacement)
    {
        var path = Write(Edit(_seedText, original, replacement));

        FluentActions.Invoking(() => RubricJson.ReadFile(path))
            .Should().Throw<InvalidDataException>().WithMessage($"{path} is not a readable rubric: *");
    }

    [Fact]
    public void Rubric_WhenSeedBreaksRules_FailsWithEveryProblem()
    {
        var text = Edit(_seedText, "\"name\": \"带头学习提高\", \"maxPoints\": 16", "\"name\": \"带头学习提高\", \"maxPoints\": 15");
        text = Edit(text, "\"itemCodes\": [\"STUDY\"], \"rule\": \"PER_COUNT\", \"points\": 2 }", "\"itemCodes\": [\"STUDYING\"], \"rule\": \"PER_COUNT\", \"points\": 2 }");
        Write(text);
        var source = new DefaultRubricSource(new SeedDirectory(_directory));

        var thrown = FluentActions.Invoking(() => source.Rubric).Should().Throw<InvalidDocumentException>().Which;

        thrown.Problems.Select(problem => problem.Rule).Should().Equal(
            "CategoryBaseItemsTotalHundredRule", "CategoryBaseItemsTotalHundredRule", "ReferencedItemsExistRule");
        thrown.Message.Should().Contain(Path.Combine(_directory, DefaultRubricSource.FileName));
    }

    [Fact]
    public void Rubric_WhenSeedIsMissing_FailsOnFirstUseNotOnConstruction()
    {
        var source = new DefaultRubricSource(new SeedDirectory(_directory));

        FluentActions.Invoking(() => source.Rubric).Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void Rubric_WhenReadTwice_IsTheSameInstance()
    {
        var source = new DefaultRubricSource(new SeedDirectory(Path.GetDirectoryName(DefaultRubric.SeedPath)!));

        source.Rubric.Should().BeSameAs(source.Rubric);
    }

    private static string Edit(string text, string original, string replacement)
    {
        text.Should().Contain(original, "the edit must change the seed");
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, DefaultRubricSource.FileName);
        File.WriteAllText(path, text);
        return path;
    }
}
