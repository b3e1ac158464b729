using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.Modules.Members.Roster;

namespace Chuangji.Workflow.Modules.Members.Features.ImportMembers;

internal sealed class ImportMembersHandler(MemberRegistrar registrar)
{
    public const int MaxRows = 10_000;

    public async Task<IReadOnlyList<RegistrationOutcome>> HandleAsync(IReadOnlyList<MemberRegistrationInput> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            throw new InvalidArgumentException("members", "must hold at least one row");
        }

        if (rows.Count > MaxRows)
        {
            throw new InvalidArgumentException("members", $"must hold at most {MaxRows} rows a call; split the roster (it has {rows.Count})");
        }

        // Field paths are relative to the row: each result already says which row it answers.
        return await registrar.RegisterAsync(rows, _ => string.Empty, cancellationToken);
    }
}
