namespace Chuangji.Workflow.Modules.Workflow.Domain.Opinions;

/// <summary>
/// An opinion from the masses (评绩) about a member. An anonymous one keeps no author, no exact time
/// (only the day) and only a hash of the caller's request id, so nothing stored leads back to its author.
/// </summary>
internal sealed class Opinion
{
    public long Id { get; set; }

    public long CycleId { get; set; }

    public OpinionChannel Channel { get; set; }

    public bool Anonymous { get; set; }

    public string Author { get; set; } = string.Empty;

    public string Content { get; set; } = string.Empty;

    public DateOnly ReceivedOn { get; set; }

    public string RequestHash { get; set; } = string.Empty;
}
