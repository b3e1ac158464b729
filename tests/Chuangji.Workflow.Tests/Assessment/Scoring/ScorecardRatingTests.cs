using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using static Chuangji.Workflow.Tests.Assessment.Scoring.ScoringKit;

namespace Chuangji.Workflow.Tests.Assessment.Scoring;

/// <summary>The default rating bands at their edges: ≥ 90 EXCELLENT, ≥ 70 QUALIFIED, ≥ 60 BASICALLY_QUALIFIED, else UNQUALIFIED.</summary>
public sealed class ScorecardRatingTests
{
    [Theory]
    // discretionary points on INTEGRITY, ACHIEVEMENT, DISCIPLINE ("0" = no fact); total; rating
    [InlineData("0", "0", "0", "100", "EXCELLENT", "优秀")]
    [InlineData("10", "0", "0", "90", "EXCELLENT", "优秀")] // 100 − 10
    [InlineData("10.1", "0", "0", "89.9", "QUALIFIED", "合格")] // 100 − 10.1
    [InlineData("16", "14", "0", "70", "QUALIFIED", "合格")] // 100 − 16 − 14
    [InlineData("16", "14.5", "0", "69.5", "BASICALLY_QUALIFIED", "基本合格")] // 100 − 16 − 14.5
    [InlineData("16", "16", "8", "60", "BASICALLY_QUALIFIED", "基本合格")] // 100 − 16 − 16 − 8
    [InlineData("16", "16", "8.1", "59.9", "UNQUALIFIED", "不合格")] // 100 − 16 − 16 − 8.1
    [InlineData("16", "16", "16", "52", "UNQUALIFIED", "不合格")] // 100 − 48
    public void Calculate_WhenTotalIsAtABandEdge_SuggestsThatBand(
        string integrity, string achievement, string discipline, string total, string rating, string name)
    {
        var facts = new List<ScoredFact>();
        if (Dec(integrity) > 0m)
        {
            facts.Add(Fact(1, "INTEGRITY_SHORTFALL", "2026-03-01", points: Dec(integrity)));
        }

        if (Dec(achievement) > 0m)
        {
            facts.Add(Fact(2, "ROLE_SHORTFALL", "2026-04-01", points: Dec(achievement)));
        }

        if (Dec(discipline) > 0m)
        {
            facts.Add(Fact(3, "EXECUTION_SHORTFALL", "2026-05-01", points: Dec(discipline)));
        }

        var card = ScoreSupported(MemberCategory.InService, [.. facts]);

        card.Base.Should().Be(Dec(total));
        card.Bonus.Should().Be(0m);
        card.Total.Should().Be(Dec(total));
        card.Veto.Should().BeNull();
        card.Rating.Rating.Should().Be(rating);
        card.Rating.Name.Should().Be(name);
    }

    [Theory]
    // base after INTEGRITY_SHORTFALL, bonus kind, total, rating: the band is judged on the total, bonus included
    [InlineData("13", "AWARD_CITY", "90", "EXCELLENT")] // 100 − 13 = 87, + 3
    [InlineData("35", "AWARD_PROVINCIAL", "70", "QUALIFIED")] // 100 − (16 + 16 + 3) = 65, + 5
    [InlineData("42", "AWARD_DEPARTMENT", "60", "BASICALLY_QUALIFIED")] // 100 − (16 + 16 + 10) = 58, + 2
    public void Calculate_WhenBonusLiftsTheTotalOntoABandEdge_SuggestsThatBand(
        string deducted, string bonusKind, string total, string rating)
    {
        // Spread the deduction over INTEGRITY, ACHIEVEMENT and DISCIPLINE (16 at most each).
        var left = Dec(deducted);
        var facts = new List<ScoredFact>();
        var kinds = new[] { "INTEGRITY_SHORTFALL", "ROLE_SHORTFALL", "EXECUTION_SHORTFALL" };
        for (var i = 0; i < kinds.Length && left > 0m; i++)
        {
            var points = Math.Min(16m, left);
            facts.Add(Fact(i + 1, kinds[i], "2026-03-01", points: points));
            left -= points;
        }

        facts.Add(Fact(9, bonusKind, "2026-06-01"));

        var card = ScoreSupported(MemberCategory.InService, [.. facts]);

        card.Base.Should().Be(100m - Dec(deducted));
        card.Total.Should().Be(Dec(total));
        card.Rating.Rating.Should().Be(rating);
    }
}
