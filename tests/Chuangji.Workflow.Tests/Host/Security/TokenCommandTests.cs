using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Chuangji.Workflow.Tests.Host.Security;

public sealed class TokenCommandTests
{
    [Fact]
    public async Task TheTokenCommand_PrintsATokenTheServiceAccepts_WithTheClaimsAsked()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { ["Chuangji:Auth:SigningKey"] = key }, start: DateTimeOffset.UtcNow);
        var output = new StringWriter();

        var exit = TokenCommand.Run(["token", "--role", "secretary", "--member", "T1001", "--branch", "B01", "--expires", "2h"], Configuration(key), Production, output, new StringWriter());

        exit.Should().Be(0);
        var token = output.ToString().Trim();
        var jwt = new JsonWebToken(token);
        (jwt.Subject, jwt.GetClaim("role").Value, jwt.GetClaim("branch").Value).Should().Be(("T1001", "secretary", "B01"));
        (jwt.ValidTo - jwt.ValidFrom).Should().Be(TimeSpan.FromHours(2));
        using var channel = service.ChannelWith(token);
        await new MembersService.MembersServiceClient(channel).ListBranchesAsync(new ListBranchesRequest());
    }

    [Fact]
    public async Task WithLink_TheTokenCommand_PrintsAOneTimeSignInLink_OnTheConfiguredHttpEndpoint()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var service = await TestService.StartSeededAsync(
            Members.MembersFixtures.TestCollege(DateTimeOffset.UtcNow), new Dictionary<string, string?> { ["Chuangji:Auth:SigningKey"] = key });
        var output = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Chuangji:Auth:SigningKey"] = key, ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:5181" };

        var exit = TokenCommand.Run(["token", "--role", "member", "--member", "T1002", "--link"], new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Production, output, new StringWriter());

        exit.Should().Be(0);
        var link = new Uri(output.ToString().Trim());
        link.GetLeftPart(UriPartial.Path).Should().Be("http://127.0.0.1:5181/sign-in");
        var token = Uri.UnescapeDataString(link.Fragment.TrimStart('#'));
        var jwt = new JsonWebToken(token);
        (jwt.Subject, jwt.GetClaim("role").Value, jwt.Audiences.Single()).Should().Be(("T1002", "member", "chuangji-workflow/sign-in"));
        (jwt.ValidTo - jwt.ValidFrom).Should().Be(TimeSpan.FromMinutes(30));
        using var browser = service.BrowserClient();
        using var signedIn = await browser.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent([new("token", token)]));
        signedIn.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "the service takes the link it printed");
    }

    [Theory]
    [InlineData("token --role system --scope facts --link", "a sign-in link is for a person")]
    [InlineData("token --role leadership --link", "a sign-in link needs --member")]
    [InlineData("token --role member", "a member token needs --member")]
    [InlineData("token --role secretary --member T1001", "a secretary token needs --branch")]
    [InlineData("token --role system", "a system token needs --scope")]
    [InlineData("token --role system --scope facts,payroll", "unknown scope 'payroll'")]
    [InlineData("token --role dean", "usage:")]
    [InlineData("token --role leadership --expires 9y", "usage:")]
    [InlineData("token --role leadership --colour red", "usage:")]
    public void TheTokenCommand_WhenAskedWrongly_SaysWhyAndExitsWithTwo(string line, string message)
    {
        var errors = new StringWriter();
        var output = new StringWriter();

        var exit = TokenCommand.Run(line.Split(' '), Configuration(Convert.ToBase64String(new byte[32])), Production, output, errors);

        exit.Should().Be(2);
        errors.ToString().Should().Contain(message);
        output.ToString().Should().BeEmpty();
    }

    [Fact]
    public void OnAMovedClock_TheTokenIsIssuedOnIt_AndOutsideDevelopmentNotAtAll()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Chuangji:Auth:SigningKey"] = Convert.ToBase64String(new byte[32]), ["Chuangji:Clock:Start"] = "2026-02-01T00:00:00+08:00",
            ["Chuangji:DataDirectory"] = Directory.CreateTempSubdirectory("chuangji-token-").FullName,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var output = new StringWriter();

        var exit = TokenCommand.Run(["token", "--role", "leadership"], configuration, new HostingEnvironment { EnvironmentName = Environments.Development }, output, new StringWriter());
        var refused = () => TokenCommand.Run(["token", "--role", "leadership"], configuration, Production, new StringWriter(), new StringWriter());

        exit.Should().Be(0);
        new JsonWebToken(output.ToString().Trim()).ValidFrom.Should().BeCloseTo(new DateTime(2026, 1, 31, 16, 0, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(1));
        refused.Should().Throw<InvalidOperationException>().WithMessage("Chuangji:Clock:Start is set*only in the Development environment*'Production'*");
    }

    [Fact]
    public void BesideAServiceOnAMovedClock_TheLinkIsIssuedAtTheServicesPresent_NotAtTheStart()
    {
        var directory = Directory.CreateTempSubdirectory("chuangji-token-").FullName;
        var start = new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.FromHours(8));
        // The service started on this start two hours ago (real time): its clock reads 11:00 now.
        MovedClockRecord.Write(directory, new MovedClock(start, TimeProvider.System, start - DateTimeOffset.UtcNow.AddHours(-2)));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chuangji:Auth:SigningKey"] = Convert.ToBase64String(new byte[32]), ["Chuangji:Clock:Start"] = "2026-12-24T09:00:00+08:00", ["Chuangji:DataDirectory"] = directory,
        }).Build();
        var output = new StringWriter();

        var exit = TokenCommand.Run(["token", "--role", "member", "--member", "T1006", "--link"], configuration, new HostingEnvironment { EnvironmentName = Environments.Development }, output, new StringWriter());
        var other = new StringWriter();
        MovedClockRecord.Write(directory, new MovedClock(start.AddDays(-3), TimeProvider.System, TimeSpan.Zero));
        TokenCommand.Run(["token", "--role", "leadership"], configuration, new HostingEnvironment { EnvironmentName = Environments.Development }, other, new StringWriter());

        exit.Should().Be(0);
        var link = new JsonWebToken(output.ToString().Trim().Split('#')[1]);
        link.ValidFrom.Should().BeCloseTo(start.AddHours(2).UtcDateTime, TimeSpan.FromMinutes(1), "a link for the service's present, valid 30 minutes from it");
        new JsonWebToken(other.ToString().Trim()).ValidFrom.Should().BeCloseTo(start.UtcDateTime, TimeSpan.FromMinutes(1), "a record of another start is not this service's");
    }

    [Fact]
    public void WithoutAConfiguredKey_ADevelopmentKeyIsMadeOnceInTheDataDirectory_OwnerOnly()
    {
        var directory = Directory.CreateTempSubdirectory("chuangji-key-").FullName;
        try
        {
            var options = new PlatformOptions { DataDirectory = directory };

            var first = SigningKeys.Resolve(options);
            var second = SigningKeys.Resolve(options);

            second.Key.Should().Equal(first.Key).And.HaveCount(32);
            var file = Path.Combine(directory, SigningKeys.DevelopmentKeyFile);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static readonly IHostEnvironment Production = new HostingEnvironment { EnvironmentName = Environments.Production };

    private static IConfiguration Configuration(string key) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chuangji:Auth:SigningKey"] = key }).Build();
}
