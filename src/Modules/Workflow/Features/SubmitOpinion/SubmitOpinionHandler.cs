using System.Security.Cryptography;
using System.Text;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Opinions;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.SubmitOpinion;

internal sealed record OpinionInput(int Year, string StaffNumber, int Channel, string Content, string Author, bool Anonymous, string RequestId);

internal sealed record OpinionResult(int OpinionCount, bool Replayed);

/// <summary>
/// 评绩: an opinion from the suggestion box, a forum, a symposium or online. An anonymous opinion stores
/// no author, only the day it came, and only a hash of the request id (for retries); it is not logged
/// as a transition either, since the log names who acted and when.
/// </summary>
internal sealed class SubmitOpinionHandler(WorkflowDbContext db, CycleStore store, CollegeClock clock)
{
    public async Task<OpinionResult> HandleAsync(OpinionInput input, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        if (!Enum.IsDefined((OpinionChannel)input.Channel))
        {
            violations.Add("channel", "must be OPINION_CHANNEL_SUGGESTION_BOX, _FORUM, _SYMPOSIUM or _ONLINE");
        }

        var content = StepInput.Text(violations, "content", input.Content, required: true);
        var author = TextField.Optional(violations, "author", input.Author, 64) ?? string.Empty;
        if (input.Anonymous && author.Length > 0)
        {
            violations.Add("author", "must be empty for an anonymous opinion");
        }
        else if (!input.Anonymous && author.Length == 0)
        {
            violations.Add("author", "is required unless the opinion is anonymous");
        }

        if (string.IsNullOrEmpty(input.RequestId) || input.RequestId.Length > 64)
        {
            violations.Add("request_id", "is required: 1 to 64 characters, unique per opinion, so that a retry counts once");
        }

        violations.ThrowIfAny();
        var requestHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(input.RequestId)));
        var cycle = await store.CycleAsync(input.Year, input.StaffNumber, cancellationToken);
        if (await db.Opinions.AnyAsync(o => o.RequestHash == requestHash, cancellationToken))
        {
            return new OpinionResult(cycle.OpinionCount, Replayed: true);
        }

        var now = clock.UtcNow;
        cycle.ReceiveOpinion(now);
        db.Opinions.Add(new Opinion
        {
            CycleId = cycle.Id,
            Channel = (OpinionChannel)input.Channel,
            Anonymous = input.Anonymous,
            Author = author,
            Content = content,
            ReceivedOn = clock.Today,
            RequestHash = requestHash,
        });
        try
        {
            await store.SaveAsync(cycle, cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // The same opinion arrived twice at once; the other copy was kept.
            return new OpinionResult(cycle.OpinionCount - 1, Replayed: true);
        }

        return new OpinionResult(cycle.OpinionCount, Replayed: false);
    }
}
