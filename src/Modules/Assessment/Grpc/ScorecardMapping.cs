using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Domain.BonusItems;
using Chuangji.Workflow.Modules.Assessment.Scorecards;
using Chuangji.Workflow.Modules.Assessment.Scoring;
using Google.Protobuf.WellKnownTypes;
using Proto = Chuangji.Assessment.V1;

namespace Chuangji.Workflow.Modules.Assessment.Grpc;

internal static class ScorecardMapping
{
    public static Proto.Scorecard ToProto(this MemberScorecard entry)
    {
        var (member, card) = (entry.Member, entry.Scorecard);
        var proto = new Proto.Scorecard
        {
            StaffNumber = member.StaffNumber,
            Name = member.Name,
            BranchCode = member.BranchCode,
            Category = (Proto.MemberCategory)(int)member.Category,
            Year = card.Year,
            RubricVersion = card.RubricVersion,
            AsOf = Timestamp.FromDateTimeOffset(card.AsOf),
            BaseScore = DecimalText.Format(card.Base),
            BonusScore = DecimalText.Format(card.Bonus),
            TotalScore = DecimalText.Format(card.Total),
            SuggestedRating = card.Rating.Rating,
            SuggestedRatingName = card.Rating.Name,
            AssessmentPeriodClosesOn = card.PeriodClosesOn is { } closesOn ? IsoDate.Format(closesOn) : string.Empty,
        };
        proto.JudgedWindows.AddRange(card.JudgedWindows.Select(w => new Proto.JudgedWindow
        {
            Label = w.Label,
            FirstDay = IsoDate.Format(w.First),
            LastDay = IsoDate.Format(w.Last),
        }));
        proto.Items.AddRange(card.Items.Select(item =>
        {
            var itemProto = new Proto.ItemScore { Code = item.Code, Name = item.Name, MaxPoints = DecimalText.Format(item.Max), Score = DecimalText.Format(item.Score) };
            itemProto.Deductions.AddRange(item.Deductions.Select(ToProto));
            return itemProto;
        }));
        proto.BonusLines.AddRange(card.BonusLines.Select(ToProto));
        if (card.Veto is { } veto)
        {
            proto.Veto = new Proto.Veto { Kind = veto.Kind, Name = veto.Name, FactId = veto.FactId };
        }

        return proto;
    }

    public static Proto.BonusItem ToProto(this BonusItem item) => new()
    {
        Year = item.Year,
        BranchCode = item.BranchCode,
        Code = item.Code,
        Name = item.Name,
        Points = DecimalText.Format(item.Points),
        Status = (Proto.BonusItemStatus)(int)item.Status,
        DecisionNote = item.DecisionNote,
    };

    private static Proto.ScoreLine ToProto(ScoreLine line)
    {
        var proto = new Proto.ScoreLine { Rule = line.Rule, Description = line.Description, Points = DecimalText.Format(line.Points) };
        proto.FactIds.AddRange(line.FactIds);
        return proto;
    }
}
