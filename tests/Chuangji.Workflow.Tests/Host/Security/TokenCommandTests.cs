using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
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

        var exit = TokenCommand.Run(["token", "--role", "secretary", "--member", "T1001", "--branch", "B01", "--expires", "2h"], Configuration(key), output, new StringWriter());

        exit.Should().Be(0);
        var token = output.ToString().Trim();
        var jwt = new JsonWebToken(token);
        (jwt.Subject, jwt.GetClaim("role").Value, jwt.GetClaim("branch").Value).Should().Be(("T1001", "secretary", "B01"));
        (jwt.ValidTo - jwt.ValidFrom).Should().Be(TimeSpan.FromHours(2));
        using var channel = service.ChannelWith(token);
        await new MembersService.MembersServiceClient(channel).ListBranchesAsync(new ListBranchesRequest());
    }

    [Theory]
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

        var exit = TokenCommand.Run(line.Split(' '), Configuration(Convert.ToBase64String(new byte[32])), output, errors);

        exit.Should().Be(2);
        errors.ToString().Should().Contain(message);
        output.ToString().Should().BeEmpty();
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

    private static IConfiguration Configuration(string key) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chuangji:Auth:SigningKey"] = key }).Build();
}
