using Chuangji.Access.V1;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Host.Hosting;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Chuangji.Workflow.Host.Security.SignIn;

/// <summary>The leadership group issues sign-in links from the console, as <c>token … --link</c> does from a command line (ADR 21).</summary>
internal sealed class AccessGrpcService(SignInLinks links, SessionPeople people, PlatformOptions options, IConfiguration configuration) : AccessService.AccessServiceBase
{
    public const string GrpcServiceName = "chuangji.access.v1.AccessService";

    public override async Task<IssueSignInLinkResponse> IssueSignInLink(IssueSignInLinkRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        Identifier.Required(violations, "staff_number", request.StaffNumber);
        CallerRole? role = request.Role switch
        {
            PersonRole.Member => CallerRole.Member,
            PersonRole.Secretary => CallerRole.Secretary,
            PersonRole.Leadership => CallerRole.Leadership,
            _ => null,
        };
        if (role is null)
        {
            violations.Add("role", "is required: PERSON_ROLE_MEMBER, PERSON_ROLE_SECRETARY or PERSON_ROLE_LEADERSHIP");
        }

        if (role == CallerRole.Secretary)
        {
            Identifier.Required(violations, "branch_code", request.BranchCode);
        }
        else if (request.BranchCode.Length > 0)
        {
            violations.Add("branch_code", "names a branch only for a secretary's link");
        }

        violations.ThrowIfAny();
        var person = new TokenRequest(role!.Value, request.StaffNumber, role == CallerRole.Secretary ? request.BranchCode : null, [], TimeSpan.Zero);
        var (_, why) = await people.CheckAsync(person, context.CancellationToken);
        switch (why)
        {
            case NoSession.NotActive:
                throw new NotFoundException("active member", request.StaffNumber, "staff_number");
            case NoSession.NotSecretary:
                throw new FailedPreconditionException(
                    $"member {request.StaffNumber}", $"not the secretary of branch {request.BranchCode}", [], "a secretary's link is for the branch's secretary (UpdateBranch names them)");
        }

        var link = links.Issue(person, SignInLinks.BaseUrl(options.Auth, configuration));
        return new IssueSignInLinkResponse { Url = link.Url, ExpiresAt = Timestamp.FromDateTimeOffset(link.ExpiresAt) };
    }
}
