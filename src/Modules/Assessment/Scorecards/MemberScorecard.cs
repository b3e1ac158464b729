using Chuangji.Workflow.Modules.Assessment.Scoring;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Assessment.Scorecards;

internal sealed record MemberScorecard(MemberSnapshot Member, Scorecard Scorecard);

internal sealed record RankedScorecard(int Rank, MemberScorecard Entry);
