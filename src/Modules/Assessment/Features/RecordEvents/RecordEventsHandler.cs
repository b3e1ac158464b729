using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Assessment.Facts.Registration;

namespace Chuangji.Workflow.Modules.Assessment.Features.RecordEvents;

/// <summary>
/// Registers a batch of facts (the RPC keeps the v1 name RecordEvents; see ADR 0013): every row is judged
/// on its own and one row's refusal never holds back the others.
/// </summary>
internal sealed class RecordEventsHandler(FactRegistrar registrar)
{
    public const int MaxRows = 1_000;

    public async Task<IReadOnlyList<RecordOutcome>> HandleAsync(IReadOnlyList<FactInputRow> facts, CancellationToken cancellationToken)
    {
        if (facts.Count is 0 or > MaxRows)
        {
            throw new InvalidArgumentException("facts", $"must hold 1 to {MaxRows} rows, not {facts.Count}");
        }

        return await registrar.RegisterAsync(facts, _ => string.Empty, cancellationToken);
    }
}
