using Chuangji.Workflow.Assessment.Scoring;
using Chuangji.Workflow.Members.Contracts;

namespace Chuangji.Workflow.Assessment.Features.Scorecards;

internal sealed record MemberScorecard(MemberSnapshot Member, Scorecard Scorecard);

internal sealed record RankedScorecard(int Rank, MemberScorecard Entry);
