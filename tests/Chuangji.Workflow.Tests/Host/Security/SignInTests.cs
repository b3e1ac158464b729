using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Chuangji.Audit.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Host.Security.SignIn;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Microsoft.IdentityModel.Tokens;

namespace Chuangji.Workflow.Tests.Host.Security;

/// <summary>
/// People come in through one-time sign-in links and hold a session: the test college (B01: T1002, T1003, retired
/// R2001; B02: T2001; secretary T1001 of both, a member of B01) on 2026-11-25, seen by a client that keeps cookies as a
/// browser does.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private static readonly TokenRequest MemberT1002 = new(CallerRole.Member, "T1002", null, [], TimeSpan.Zero);

    private TestService _service = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartSeededAsync(MembersFixtures.TestCollege(TestService.DefaultStart));
        // The branches' secretary is a member of the roster too, as a person who signs in must be.
        await new MembersService.MembersServiceClient(_service.Channel).ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1001", "B01", name: "王建国") } });
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ALink_OpensThePage_ThenSignsInOnce_WithAnHttpOnlySameSiteStrictCookie_AndTheSessionIsTheMembers()
    {
        using var browser = _service.BrowserClient();
        var link = new Uri(_service.SignInLinkFor(MemberT1002));

        var page = await browser.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        using var signedIn = await SignInAsync(browser, link);

        page.Should().Contain("<html lang=\"zh-CN\">").And.Contain("/sign-in.js").And.NotContain(link.Fragment[1..], "the token stays in the fragment, never in the page");
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.Should().Be("/");
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Sessions.CookieName + "=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=strict");
        (await browser.GetAsync(new Uri("/v1/years/2026/members/T1002/scorecard", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await browser.GetAsync(new Uri("/v1/years/2026/members/T1003/scorecard", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a member reaches only their own");
        var session = JsonDocument.Parse(await browser.GetStringAsync(new Uri("/session", UriKind.Relative))).RootElement;
        (session.GetProperty("subject").GetString(), session.GetProperty("name").GetString(), session.GetProperty("role").GetString(), session.GetProperty("year").GetInt32())
            .Should().Be(("T1002", "刘洋", "member", 2026));

        using var again = await SignInAsync(_service.BrowserClient(), link);
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).Should().Contain("此登录链接已经使用过");
    }

    [Fact]
    public async Task AnExpiredLink_AForgedOne_AndABearerTokenInItsPlace_AreRefused_SayingWhy()
    {
        var expired = new Uri(_service.SignInLinkFor(MemberT1002));
        var forged = new SignInLinks(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), new AuthSettings(), _service.Time).Issue(MemberT1002, "http://localhost").Url;
        var bearer = "http://localhost/sign-in#" + _service.TokenFor(new TokenRequest(CallerRole.Member, "T1002", null, [], TimeSpan.FromHours(1)));
        _service.Time.Advance(SignInLinks.Lifetime + TimeSpan.FromMinutes(1));

        foreach (var (link, why) in new[] { (expired.ToString(), "此登录链接已过期"), (forged, "不是本系统签发"), (bearer, "不是本系统的登录链接") })
        {
            using var browser = _service.BrowserClient();
            using var response = await SignInAsync(browser, new Uri(link));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, link);
            (await response.Content.ReadAsStringAsync()).Should().Contain(why);
            response.Headers.Contains("Set-Cookie").Should().BeFalse("no session begins");
        }
    }

    [Fact]
    public async Task AChange_InASession_NeedsTheAntiforgeryToken_AndIsTheSecretarysOwn_InTheAuditTrail()
    {
        using var browser = _service.BrowserClient();
        using (await SignInAsync(browser, new Uri(_service.SignInLinkFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero))))) { }
        var fact = new { fact = new { staffNumber = "T1002", kind = "DUES_LATE", occurredOn = "2026-03-01", requestId = "session-dues-1" } };

        using var forged = await browser.PostAsJsonAsync(new Uri("/v1/facts", UriKind.Relative), fact);
        var session = JsonDocument.Parse(await browser.GetStringAsync(new Uri("/session", UriKind.Relative))).RootElement;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/facts", UriKind.Relative)) { Content = JsonContent.Create(fact) };
        request.Headers.Add(Sessions.AntiforgeryHeader, session.GetProperty("antiforgeryToken").GetString());
        using var made = await browser.SendAsync(request);

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a page of another site could have sent it");
        (await forged.Content.ReadAsStringAsync()).Should().Contain("anti-forgery token");
        (session.GetProperty("subject").GetString(), session.GetProperty("role").GetString(), session.GetProperty("branchCode").GetString(), session.GetProperty("name").GetString())
            .Should().Be(("T1001", "secretary", "B01", "王建国"));
        made.StatusCode.Should().Be(HttpStatusCode.OK);
        var audit = await new AuditService.AuditServiceClient(_service.Channel).ListAuditAsync(new ListAuditRequest { StaffNumber = "T1002" });
        audit.Records.Should().ContainSingle(r => r.Rpc == "chuangji.assessment.v1.AssessmentService/RecordEvent")
            .Which.Should().Match<AuditRecord>(r => r.Actor == "T1001" && r.Role == "secretary" && r.Outcome == "OK");
    }

    [Fact]
    public async Task TheSession_Ends_WhenThePersonLeavesTheBranch_OrSignsOut()
    {
        using var member = _service.BrowserClient();
        using var secretary = _service.BrowserClient();
        using (await SignInAsync(member, new Uri(_service.SignInLinkFor(MemberT1002)))) { }
        using (await SignInAsync(secretary, new Uri(_service.SignInLinkFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.Zero))))) { }
        var scorecard = new Uri("/v1/years/2026/members/T1002/scorecard", UriKind.Relative);
        (await member.GetAsync(scorecard)).StatusCode.Should().Be(HttpStatusCode.OK);

        await new MembersService.MembersServiceClient(_service.Channel).TransferMemberAsync(new TransferMemberRequest { StaffNumber = "T1002", ToBranchCode = "B02", EffectiveOn = "2026-11-25" });
        using var afterTransfer = await member.GetAsync(scorecard);

        afterTransfer.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the membership the session began with has changed");
        (await afterTransfer.Content.ReadAsStringAsync()).Should().Contain("your session has ended");
        var session = JsonDocument.Parse(await secretary.GetStringAsync(new Uri("/session", UriKind.Relative))).RootElement;
        var signOut = new FormUrlEncodedContent([new("__RequestVerificationToken", session.GetProperty("antiforgeryToken").GetString()!)]);
        using var signedOut = await secretary.PostAsync(new Uri("/sign-out", UriKind.Relative), signOut);
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.OriginalString.Should().Be("/", "back to the console, which asks for a link and links the public lists");
        (await secretary.GetAsync(new Uri("/session", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task NoSession_IsGivenToSomeoneNotOnTheRoster_OrToASecretaryOfAnotherBranch()
    {
        foreach (var (person, why) in new[]
        {
            (new TokenRequest(CallerRole.Member, "X9999", null, [], TimeSpan.Zero), "不是在册党员"),
            (new TokenRequest(CallerRole.Secretary, "T1002", "B01", [], TimeSpan.Zero), "不是支部 B01 的书记"),
        })
        {
            using var response = await SignInAsync(_service.BrowserClient(), new Uri(_service.SignInLinkFor(person)));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).Should().Contain(why);
        }
    }

    [Fact]
    public async Task TheLeadershipGroup_IssuesALink_OverRpc_ThatSignsInOnce_AndIsAudited_WhileOthersAreRefused()
    {
        var access = new Chuangji.Access.V1.AccessService.AccessServiceClient(_service.Channel);

        var issued = await access.IssueSignInLinkAsync(new Chuangji.Access.V1.IssueSignInLinkRequest { StaffNumber = "T1001", Role = Chuangji.Access.V1.PersonRole.Secretary, BranchCode = "B01" });
        using var browser = _service.BrowserClient();
        using var signedIn = await SignInAsync(browser, new Uri(issued.Url));

        issued.Url.Should().StartWith("http://127.0.0.1:5081/sign-in#", "the HTTP endpoint people reach");
        (issued.ExpiresAt.ToDateTimeOffset() - _service.Time.GetUtcNow()).Should().Be(SignInLinks.Lifetime);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        JsonDocument.Parse(await browser.GetStringAsync(new Uri("/session", UriKind.Relative))).RootElement.GetProperty("role").GetString().Should().Be("secretary");
        var audit = await new AuditService.AuditServiceClient(_service.Channel).ListAuditAsync(new ListAuditRequest { StaffNumber = "T1001" });
        audit.Records.Should().ContainSingle(r => r.Rpc == "chuangji.access.v1.AccessService/IssueSignInLink").Which.Should().Match<AuditRecord>(r => r.Actor == "leadership" && r.Outcome == "OK");

        (await access.IssueSignInLinkAsync(new Chuangji.Access.V1.IssueSignInLinkRequest { StaffNumber = "T1002" }).ShouldFailWith(Grpc.Core.StatusCode.InvalidArgument))
            .ViolatedFields().Should().Equal("role");
        await access.IssueSignInLinkAsync(new Chuangji.Access.V1.IssueSignInLinkRequest { StaffNumber = "X9999", Role = Chuangji.Access.V1.PersonRole.Member }).ShouldFailWith(Grpc.Core.StatusCode.NotFound);
        await access.IssueSignInLinkAsync(new Chuangji.Access.V1.IssueSignInLinkRequest { StaffNumber = "T1002", Role = Chuangji.Access.V1.PersonRole.Secretary, BranchCode = "B01" })
            .ShouldFailWith(Grpc.Core.StatusCode.FailedPrecondition);
        using var secretary = _service.ChannelWith(_service.TokenFor(new TokenRequest(CallerRole.Secretary, "T1001", "B01", [], TimeSpan.FromHours(1))));
        await new Chuangji.Access.V1.AccessService.AccessServiceClient(secretary)
            .IssueSignInLinkAsync(new Chuangji.Access.V1.IssueSignInLinkRequest { StaffNumber = "T1002", Role = Chuangji.Access.V1.PersonRole.Member })
            .ShouldFailWith(Grpc.Core.StatusCode.PermissionDenied);
    }

    /// <summary>What the sign-in page's script does: the token from the link's fragment, posted once as a form.</summary>
    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, Uri link) =>
        browser.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent([new("token", Uri.UnescapeDataString(link.Fragment.TrimStart('#')))]));
}
