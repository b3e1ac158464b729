using Chuangji.Workflow.Modules.Members.Roster;

namespace Chuangji.Workflow.Modules.Members.Features.RegisterMember;

internal sealed class RegisterMemberHandler(MemberRegistrar registrar)
{
    public async Task<RegistrationOutcome> HandleAsync(MemberRegistrationInput input, CancellationToken cancellationToken)
    {
        var outcomes = await registrar.RegisterAsync([input], _ => "member.", cancellationToken);
        var outcome = outcomes[0];
        return outcome.Error is { } error ? throw error : outcome;
    }
}
