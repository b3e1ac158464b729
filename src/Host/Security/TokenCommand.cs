using System.Globalization;
using Chuangji.Workflow.Host.Hosting;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// `token --role ROLE [--member ID] [--branch ID] [--scope S] [--expires 8h]`: prints a bearer token signed
/// with the service's key, on the service's clock (the same settings as the service: appsettings.json and CHUANGJI__* variables).
/// </summary>
internal static class TokenCommand
{
    public const string Name = "token";

    public const string Usage =
        """
        usage: dotnet run --project src/Host -- token --role ROLE [--member ID] [--branch ID] [--scope S] [--expires 8h] [--link]
          --role     member | secretary | leadership | system
          --member   the member's staff number (required for member; the subject of the others when given)
          --branch   the branch (required for secretary)
          --scope    what a campus system may do, space- or comma-separated (required for system):
                     roster, facts, opinions, reminders, reports
          --expires  how long the token is valid: 30m, 8h, 7d (default 8h, at most 366d)
          --link     a one-time sign-in link for a person instead (member, secretary or leadership, with
                     --member): the absolute URL on the HTTP endpoint, valid 30 minutes, used once
        """;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output, TextWriter errors)
    {
        var link = args.Contains("--link");
        var request = Parse(args[1..].Where(a => a != "--link").ToArray());
        var problem = request is null ? null : Problem(request) ?? (link ? LinkProblem(request) : null);
        if (request is null || problem is not null)
        {
            if (problem is not null)
            {
                errors.WriteLine(problem);
            }

            errors.WriteLine(Usage);
            return 2;
        }

        var options = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        // On the service's clock: a service on a moved clock (Development) takes only tokens issued on it.
        var clock = MovedClockRecord.Resume(options.ResolveDataDirectory(), ServiceClock.Resolve(options.Clock, environment, TimeProvider.System), TimeProvider.System);
        if (link)
        {
            output.WriteLine(new SignIn.SignInLinks(SigningKeys.Resolve(options), options.Auth, clock).Issue(request, SignIn.SignInLinks.BaseUrl(options.Auth, configuration)).Url);
            return 0;
        }

        output.WriteLine(new TokenIssuer(SigningKeys.Resolve(options), options.Auth, clock).Issue(request));
        return 0;
    }

    public static TokenRequest? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal) || !values.TryAdd(args[i][2..], args[i + 1]))
            {
                return null;
            }
        }

        if (values.Keys.Except(["role", "member", "branch", "scope", "expires"]).Any()
            || !values.TryGetValue("role", out var roleText) || !CallerClaims.TryParse(roleText, out var role)
            || Lifetime(values.GetValueOrDefault("expires", "8h")) is not { } lifetime)
        {
            return null;
        }

        var member = values.GetValueOrDefault("member");
        var scopes = values.GetValueOrDefault("scope", string.Empty).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var subject = member ?? (role == CallerRole.System ? "campus-system" : CallerClaims.Name(role));
        return new TokenRequest(role, subject, values.GetValueOrDefault("branch"), scopes, lifetime);
    }

    /// <summary>Why no sign-in link can be made for this request, or null: links are for people of the roster.</summary>
    public static string? LinkProblem(TokenRequest request) =>
        request.Role == CallerRole.System ? "a sign-in link is for a person: a campus system takes a token"
        : request.Subject == CallerClaims.Name(request.Role) ? "a sign-in link needs --member, the person's staff number"
        : null;

    /// <summary>What a token of this role needs and lacks, or null.</summary>
    public static string? Problem(TokenRequest request) => request.Role switch
    {
        CallerRole.Member when request.Subject == CallerClaims.Name(CallerRole.Member) => "a member token needs --member",
        CallerRole.Secretary when string.IsNullOrEmpty(request.Branch) => "a secretary token needs --branch",
        CallerRole.System when request.Scopes.Count == 0 => "a system token needs --scope",
        CallerRole.System when request.Scopes.Except(SystemScopes.All).FirstOrDefault() is { } unknown => $"unknown scope '{unknown}'",
        _ => null,
    };

    private static TimeSpan? Lifetime(string text)
    {
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
        {
            return null;
        }

        TimeSpan? lifetime = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
        return lifetime <= TimeSpan.FromDays(366) ? lifetime : null;
    }
}
