using Chuangji.Workflow.Modules.Assessment.Facts.Registration;

namespace Chuangji.Workflow.Modules.Assessment.Features.RecordEvent;

/// <summary>
/// Registers one fact (the RPC keeps the v1 name RecordEvent; see ADR 0013). A refusal is thrown, so the
/// call fails with its status, where RecordEvents reports it per row.
/// </summary>
internal sealed class RecordEventHandler(FactRegistrar registrar)
{
    public async Task<RecordOutcome> HandleAsync(FactInputRow fact, CancellationToken cancellationToken)
    {
        var outcome = (await registrar.RegisterAsync([fact], _ => "fact.", cancellationToken))[0];
        return outcome.Error is { } error ? throw error : outcome;
    }
}
