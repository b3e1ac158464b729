using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Features.ListOpinions;
using Proto = Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

/// <summary>Opinions onto the contract: the author only when named, the day and nothing finer.</summary>
internal static class OpinionMapping
{
    public static Proto.Opinion ToProto(this ListedOpinion listed) => new()
    {
        OpinionId = listed.Opinion.Id,
        StaffNumber = listed.StaffNumber,
        Channel = (Proto.OpinionChannel)(int)listed.Opinion.Channel,
        Content = listed.Opinion.Content,
        ReceivedOn = IsoDate.Format(listed.Opinion.ReceivedOn),
        Anonymous = listed.Opinion.Anonymous,
        Author = listed.Opinion.Anonymous ? string.Empty : listed.Opinion.Author,
    };
}
