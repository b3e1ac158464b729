using Chuangji.Assessment.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Assessment.Facts;

public sealed class RevokeAndListEventsTests : AssessmentFixture
{
    [Fact]
    public async Task RevokeEvent_WhenFactCounted_RestoresTheScoreAndKeepsTheFactWithItsRevocation()
    {
        var fact = await RecordAsync("T1002", "DUES_LATE");
        Item(await ScorecardAsync("T1002"), "DISCIPLINE").Should().Be("8", "16 - 5 for the dues - 3 for no thought report in the first half year");
        Service.Time.Advance(TimeSpan.FromHours(1));

        var revoked = (await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = fact.FactId, Reason = "党费已按时缴纳，登记有误", RevokedBy = "secretary-B01" })).Fact;

        revoked.Revocation.Reason.Should().Be("党费已按时缴纳，登记有误");
        revoked.Revocation.RevokedAt.ToDateTimeOffset().Should().Be(TestService.DefaultStart.AddHours(1));
        Item(await ScorecardAsync("T1002"), "DISCIPLINE").Should().Be("13", "16 - 3: the dues fact no longer counts");
        Item(await ScorecardAsync("T1002", TestService.DefaultStart.AddMinutes(30)), "DISCIPLINE").Should().Be("8", "as of before the revocation it still counted");
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Should().BeEmpty();
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, IncludeRevoked = true })).Facts.Should().ContainSingle().Which.Should().Be(revoked);
    }

    [Fact]
    public async Task RevokeEvent_WhenRetried_ReturnsTheSameRevocation()
    {
        var fact = await RecordAsync("T1002", "DUES_LATE");
        var request = new RevokeEventRequest { FactId = fact.FactId, Reason = "登记有误" };
        var first = await Assessment.RevokeEventAsync(request);

        var again = await Assessment.RevokeEventAsync(request);

        again.Fact.Should().Be(first.Fact);
    }

    [Fact]
    public async Task RevokeEvent_WhenRevokedBeforeForAnotherReason_IsFailedPreconditionNamingTheState()
    {
        var fact = await RecordAsync("T1002", "DUES_LATE");
        await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = fact.FactId, Reason = "登记有误" });

        var error = await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = fact.FactId, Reason = "另一个理由" }).ShouldFailWith(StatusCode.FailedPrecondition);

        error.ErrorInfo()!.Metadata["state"].Should().Be("REVOKED");
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, IncludeRevoked = true })).Facts.Single().Revocation.Reason.Should().Be("登记有误");
    }

    [Fact]
    public async Task RevokeEvent_WhenReasonIsMissing_IsInvalidArgumentAndTheFactStillCounts()
    {
        var fact = await RecordAsync("T1002", "DUES_LATE");

        var error = await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = fact.FactId, Reason = " " }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("reason");
        Item(await ScorecardAsync("T1002"), "DISCIPLINE").Should().Be("8");
    }

    [Fact]
    public async Task RevokeEvent_WhenFactIsUnknown_IsNotFound()
    {
        var error = await Assessment.RevokeEventAsync(new RevokeEventRequest { FactId = 999, Reason = "x" }).ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("fact_id");
    }

    [Fact]
    public async Task ListEvents_WhenFilteredAndPaged_VisitsTheMatchingFactsOnceInRegistrationOrder()
    {
        var late1 = await RecordAsync("T1002", "MEETING_LATE");
        await RecordAsync("T1003", "MEETING_LATE");
        var absence = await RecordAsync("T1002", "MEETING_ABSENCE");
        var late2 = await RecordAsync("T1002", "MEETING_LATE", "2026-04-01");

        var first = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1002", PageSize = 2 });
        var second = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1002", PageSize = 2, PageToken = first.NextPageToken });
        var lates = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1002", Kind = "MEETING_LATE" });

        first.Facts.Concat(second.Facts).Select(f => f.FactId).Should().Equal(late1.FactId, absence.FactId, late2.FactId);
        second.NextPageToken.Should().BeEmpty();
        lates.Facts.Select(f => f.FactId).Should().Equal(late1.FactId, late2.FactId);
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2025 })).Facts.Should().BeEmpty();
    }

    [Fact]
    public async Task ListEvents_WhenYearIsOutOfRange_IsInvalidArgumentNamingYear()
    {
        var error = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 0 }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("year");
    }

    [Fact]
    public async Task ListEvents_WhenTheTokenCarriesANonNumericKey_IsInvalidArgumentNotInternal()
    {
        var forged = System.Buffers.Text.Base64Url.EncodeToString("facts|2026|||False\nabc"u8);

        var error = await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, PageToken = forged }).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("page_token");
    }

    [Fact]
    public async Task RevokeEvent_WhenTheSameRevocationRacesItself_AnswersEveryCallWithIt()
    {
        var fact = await RecordAsync("T1002", "DUES_LATE");
        var request = new RevokeEventRequest { FactId = fact.FactId, Reason = "登记有误" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Assessment.RevokeEventAsync(request).ResponseAsync));

        answers.Select(a => a.Fact.Revocation.RevokedAt).Distinct().Should().ContainSingle();
    }
}
