using System.Globalization;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>One branch's year in counts, added up member by member as the college streams past.</summary>
internal sealed class BranchTally
{
    public static readonly CycleState[] Phases =
        [CycleState.Commitment, CycleState.SelfReport, CycleState.MassReview, CycleState.Publicity, CycleState.Determination, CycleState.Application, CycleState.Closed];

    public static readonly string[] SuggestedBands = ["优秀", "合格", "基本合格", "不合格"];

    public static readonly Rating[] Ratings = [Rating.Excellent, Rating.Qualified, Rating.BasicallyQualified, Rating.Unqualified];

    private readonly Dictionary<CycleState, int> _phases = [];
    private readonly Dictionary<string, int> _suggested = [];
    private readonly Dictionary<Rating, int> _determined = [];
    private decimal _totals;

    public int Members { get; private set; }

    public int Committed { get; private set; }

    public int CommitmentsMissing { get; private set; }

    public int FirstHalfDeclared { get; private set; }

    public int FirstHalfMissing { get; private set; }

    public int SecondHalfDeclared { get; private set; }

    public int SecondHalfMissing { get; private set; }

    public void Add(MemberStanding member)
    {
        var cycle = member.Cycle;
        Members++;
        _phases[cycle.State] = InPhase(cycle.State) + 1;
        Committed += cycle.Committed ? 1 : 0;
        CommitmentsMissing += cycle.CommitmentMissing ? 1 : 0;
        FirstHalfDeclared += cycle.FirstHalfDeclared ? 1 : 0;
        FirstHalfMissing += cycle.FirstHalfDeclarationMissing ? 1 : 0;
        SecondHalfDeclared += cycle.SecondHalfDeclared ? 1 : 0;
        SecondHalfMissing += cycle.SecondHalfDeclarationMissing ? 1 : 0;
        var suggested = member.Score.Vetoed ? "不合格" : member.Score.SuggestedRatingName;
        _suggested[suggested] = Suggested(suggested) + 1;
        if (member.Determined is { } rating)
        {
            _determined[rating] = Determined(rating) + 1;
        }

        _totals += member.Score.Total;
    }

    public int InPhase(CycleState state) => _phases.GetValueOrDefault(state);

    public int Suggested(string band) => _suggested.GetValueOrDefault(band);

    public int Determined(Rating rating) => _determined.GetValueOrDefault(rating);

    /// <summary>The average total to one decimal place, rounded half away from zero; empty for a branch without members.</summary>
    public string AverageTotal => Members == 0 ? string.Empty : Math.Round(_totals / Members, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
}
