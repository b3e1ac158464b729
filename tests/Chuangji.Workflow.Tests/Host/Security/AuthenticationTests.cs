using System.Security.Cryptography;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Chuangji.Workflow.Tests.Host.Security;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private static readonly TokenRequest Secretary = new(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromHours(1));

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task WithoutAToken_ACallIsUnauthenticated_ButHealthAndReflectionAnswer()
    {
        using var anonymous = _service.ChannelWith(null);

        (await new MembersService.MembersServiceClient(anonymous).ListBranchesAsync(new ListBranchesRequest()).ShouldFailWith(StatusCode.Unauthenticated))
            .Status.Detail.Should().Be("no bearer token: send 'authorization: Bearer <token>' (docs/security.md)");
        (await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest())).Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
        using var reflection = new ServerReflection.ServerReflectionClient(anonymous).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await reflection.RequestStream.CompleteAsync();
        (await reflection.ResponseStream.MoveNext(CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task AValidToken_IsAccepted_UntilItExpiresOnTheServicesClock()
    {
        using var channel = _service.ChannelWith(_service.TokenFor(Secretary));
        var members = new MembersService.MembersServiceClient(channel);

        await members.ListBranchesAsync(new ListBranchesRequest());
        _service.Time.Advance(TimeSpan.FromMinutes(62));

        (await members.ListBranchesAsync(new ListBranchesRequest()).ShouldFailWith(StatusCode.Unauthenticated))
            .Status.Detail.Should().Be("the token has expired: ask for a new one");
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKey_IsUnauthenticated()
    {
        var forged = new TokenIssuer(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), new AuthSettings(), _service.Time).Issue(Secretary);
        using var channel = _service.ChannelWith(forged);

        (await new MembersService.MembersServiceClient(channel).ListBranchesAsync(new ListBranchesRequest()).ShouldFailWith(StatusCode.Unauthenticated))
            .Status.Detail.Should().Be("the token's signature does not match this service's key");
    }

    [Fact]
    public async Task ATokenForAnotherAudience_OrFromAnotherIssuer_IsUnauthenticated()
    {
        var key = _service.Services.GetRequiredService<SymmetricSecurityKey>();
        var otherAudience = new TokenIssuer(key, new AuthSettings { Audience = "some-other-service" }, _service.Time).Issue(Secretary);
        var otherIssuer = new TokenIssuer(key, new AuthSettings { Issuer = "someone-else" }, _service.Time).Issue(Secretary);

        var cases = new[]
        {
            (otherAudience, "the token is meant for another service (its audience is not this service's)"),
            (otherIssuer, "the token was issued by someone this service does not trust (its issuer)"),
            ("not-a-token", "the bearer value is not a well-formed token"),
        };
        foreach (var (token, why) in cases)
        {
            using var channel = _service.ChannelWith(token);
            var refusal = await new MembersService.MembersServiceClient(channel).ListBranchesAsync(new ListBranchesRequest()).ShouldFailWith(StatusCode.Unauthenticated);
            refusal.Status.Detail.Should().Be(why);
            refusal.Status.Detail.Should().NotContain(token[..Math.Min(20, token.Length)], "nothing of the token is echoed");
        }
    }
}
