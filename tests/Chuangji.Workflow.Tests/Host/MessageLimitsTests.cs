using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Grpc;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace Chuangji.Workflow.Tests.Host;

/// <summary>The message limits hold the largest legitimate calls with room, and refuse a larger one naming the limit.</summary>
public sealed class MessageLimitsTests
{
    /// <summary>A character that takes four bytes in UTF-8, so every field is at its largest on the wire.</summary>
    private const string Widest = "𠀀";

    [Fact]
    public void TheLargestRoster_FitsTheRequestLimit_AndItsAnswerTheResponseLimit()
    {
        var request = new ImportMembersRequest();
        var response = new ImportMembersResponse();
        for (var row = 0; row < 10_000; row++)
        {
            var registration = new MemberRegistration
            {
                StaffNumber = new string('T', 32), Name = Repeat(64), BranchCode = new string('B', 32), Category = Chuangji.Members.V1.MemberCategory.Retired,
                JoinedPartyOn = "1965-03-01", Specialty = Repeat(200),
            };
            request.Members.Add(registration);
            var member = new Member
            {
                StaffNumber = registration.StaffNumber, Name = registration.Name, BranchCode = registration.BranchCode, Category = registration.Category,
                Status = MemberStatus.Active, JoinedPartyOn = registration.JoinedPartyOn, Specialty = registration.Specialty, Version = long.MaxValue,
            };
            member.BranchHistory.Add(new BranchMembership { BranchCode = registration.BranchCode, FromDate = "2026-11-30", Note = Repeat(200) });
            response.Results.Add(new ImportMemberResult { Row = row, StaffNumber = registration.StaffNumber, Outcome = ImportOutcome.Created, Member = member });
        }

        request.CalculateSize().Should().BeLessThan(MessageLimits.MaxRequestBytes);
        response.CalculateSize().Should().BeLessThan(MessageLimits.MaxResponseBytes);
    }

    [Fact]
    public void AThousandFacts_FitTheRequestLimit()
    {
        var request = new RecordEventsRequest();
        for (var i = 0; i < 1_000; i++)
        {
            request.Facts.Add(new FactInput
            {
                StaffNumber = new string('T', 32), Kind = new string('K', 64), OccurredOn = "2026-03-01", Count = 366, Points = "99.5",
                Note = Repeat(500), RecordedBy = new string('r', 64), RequestId = new string('q', 64),
            });
        }

        request.CalculateSize().Should().BeLessThan(MessageLimits.MaxRequestBytes / 4);
    }

    [Fact]
    public async Task ALargerMessage_IsResourceExhausted_NamingTheLimit_AndTheServiceGoesOn()
    {
        await using var service = await TestService.StartAsync();
        var members = new MembersService.MembersServiceClient(service.Channel);

        var refusal = await members.GetMemberAsync(new GetMemberRequest { StaffNumber = new string('x', MessageLimits.MaxRequestBytes + 1) })
            .ShouldFailWith(StatusCode.ResourceExhausted);

        refusal.Status.Detail.Should().Be(MessageLimits.Refusal).And.Contain("16 MiB");
        (await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest())).Status.Should().Be(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    private static string Repeat(int characters) => string.Concat(Enumerable.Repeat(Widest, characters));
}
