using Chuangji.Assessment.V1;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>The scheme's words for the enums the documents print.</summary>
internal static class ChineseNames
{
    public static string Of(CycleState state) => state switch
    {
        CycleState.Commitment => "承诺",
        CycleState.SelfReport => "述绩",
        CycleState.MassReview => "评绩",
        CycleState.Publicity => "亮绩",
        CycleState.Determination => "定绩",
        CycleState.Application => "用绩",
        CycleState.Closed => "已结束",
        _ => "未开始",
    };

    public static string Of(Rating rating) => rating switch
    {
        Rating.Excellent => "优秀",
        Rating.Qualified => "合格",
        Rating.BasicallyQualified => "基本合格",
        Rating.Unqualified => "不合格",
        _ => string.Empty,
    };

    public static string Of(MemberCategory category) => category switch
    {
        MemberCategory.InService => "在职党员",
        MemberCategory.Retired => "离退休党员",
        _ => string.Empty,
    };

    public static string Of(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Open => "待处理",
        ObjectionStatus.Upheld => "成立，已更正",
        ObjectionStatus.Dismissed => "不成立",
        _ => string.Empty,
    };

    public static string Of(OpinionChannel channel) => channel switch
    {
        OpinionChannel.SuggestionBox => "意见箱",
        OpinionChannel.Forum => "论坛",
        OpinionChannel.Symposium => "座谈会",
        OpinionChannel.Online => "网上",
        _ => string.Empty,
    };
}
