using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Workflow.Cycles;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;

namespace Chuangji.Workflow.Modules.Workflow.Features.ResolveObjection;

/// <summary>亮绩: the branch upholds an objection (after correcting facts through the Assessment module) or dismisses it.</summary>
internal sealed class ResolveObjectionHandler(CycleStepRunner runner, IAssessmentModule assessment)
{
    /// <summary>The facts an upheld objection names, kept with it: a correction, not a batch.</summary>
    public const int MaxCorrectedFacts = 100;

    private const int ListedFacts = 10;

    public async Task<Cycle> HandleAsync(StepInput input, long objectionId, bool upheld, string resolution, IReadOnlyList<long> correctedFactIds, CancellationToken cancellationToken)
    {
        if (correctedFactIds.Count > MaxCorrectedFacts)
        {
            throw new InvalidArgumentException("corrected_fact_ids", $"must name at most {MaxCorrectedFacts} facts, not {correctedFactIds.Count}");
        }

        if (upheld && correctedFactIds.Count > 0)
        {
            var foreign = await assessment.FactIdsNotOfMemberAsync(input.StaffNumber, correctedFactIds, cancellationToken);
            if (foreign.Count > 0)
            {
                var named = string.Join(", ", foreign.Take(ListedFacts)) + (foreign.Count > ListedFacts ? $" and {foreign.Count - ListedFacts} more" : string.Empty);
                throw new InvalidArgumentException("corrected_fact_ids", $"must name facts of {Echo.Of(input.StaffNumber)}; these are not: {named}");
            }
        }

        var text = string.Empty;
        return await runner.RunAsync(
            input,
            v =>
            {
                text = StepInput.Text(v, "resolution", resolution, required: true);
                if (upheld && correctedFactIds.Count == 0)
                {
                    v.Add("corrected_fact_ids", "must name the facts recorded or revoked through the Assessment module when the objection is upheld");
                }

                if (!upheld && correctedFactIds.Count > 0)
                {
                    v.Add("corrected_fact_ids", "must be empty when the objection is dismissed");
                }
            },
            (c, actor, now) => c.ResolveObjection(objectionId, upheld, text, correctedFactIds, actor, now),
            cancellationToken);
    }
}
