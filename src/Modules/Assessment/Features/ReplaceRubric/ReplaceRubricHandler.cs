using Chuangji.Workflow.Modules.Assessment.Domain;
using Chuangji.Workflow.Modules.Assessment.Rubrics;

namespace Chuangji.Workflow.Modules.Assessment.Features.ReplaceRubric;

/// <summary>
/// Stores a new version of the year's scoring table (validated, refused once the year is locked). The table's
/// store, <see cref="RubricBook"/>, is shared with every reader of the table; this slice is the one that writes it.
/// </summary>
internal sealed class ReplaceRubricHandler(RubricBook rubrics)
{
    public Task<YearRubric> HandleAsync(int year, Rubric rubric, string note, CancellationToken cancellationToken) =>
        rubrics.ReplaceAsync(year, rubric, note, cancellationToken);
}
