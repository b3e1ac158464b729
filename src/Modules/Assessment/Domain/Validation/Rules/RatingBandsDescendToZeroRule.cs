using Chuangji.Workflow.BuildingBlocks.Validation.Rules;

namespace Chuangji.Workflow.Modules.Assessment.Domain.Validation.Rules;

/// <summary>Bands are read top down, the first whose minimum a total reaches wins; the last must catch every total.</summary>
internal sealed class RatingBandsDescendToZeroRule : IRule<Rubric>
{
    public IEnumerable<string> ProblemsIn(Rubric rubric)
    {
        var bands = rubric.RatingBands;
        if (bands.Count == 0)
        {
            yield return "there are no rating bands";
            yield break;
        }

        for (var i = 1; i < bands.Count; i++)
        {
            if (bands[i].MinTotal >= bands[i - 1].MinTotal)
            {
                yield return $"rating band '{bands[i].Rating}' starts at {bands[i].MinTotal}, not below '{bands[i - 1].Rating}' at {bands[i - 1].MinTotal}";
            }
        }

        if (bands[^1].MinTotal != 0)
        {
            yield return $"the last rating band '{bands[^1].Rating}' starts at {bands[^1].MinTotal}, not 0";
        }
    }
}
