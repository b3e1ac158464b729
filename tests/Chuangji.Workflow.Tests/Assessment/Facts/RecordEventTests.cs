using Chuangji.Assessment.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Assessment.Facts;

public sealed class RecordEventTests : AssessmentFixture
{
    [Fact]
    public async Task RecordEvent_WhenValid_StoresTheFactAsSent()
    {
        var response = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T1002", "STUDY_SHORTFALL", "2026-05-04", count: 1, points: "1.5", requestId: "checkin-42") });

        response.Replayed.Should().BeFalse();
        var fact = response.Fact;
        (fact.StaffNumber, fact.Kind, fact.OccurredOn, fact.Count, fact.Points, fact.RequestId, fact.RecordedBy)
            .Should().Be(("T1002", "STUDY_SHORTFALL", "2026-05-04", 1, "1.5", "checkin-42", "leadership"), "who registered it is the token's subject");
        fact.FactId.Should().BePositive();
        fact.RecordedAt.ToDateTimeOffset().Should().Be(TestService.DefaultStart);
    }

    [Fact]
    public async Task RecordEvent_WhenCountIsUnset_CountsOne()
    {
        var fact = await RecordAsync("T1002", "MEETING_ABSENCE");

        fact.Count.Should().Be(1);
        Item(await ScorecardAsync("T1002"), "STUDY").Should().Be("14");
    }

    [Fact]
    public async Task RecordEvent_WhenRetriedWithTheSameRequestId_ReturnsTheOriginalAndCountsOnce()
    {
        var request = new RecordEventRequest { Fact = Fact("T1002", "MEETING_ABSENCE", requestId: "checkin-7") };
        var first = await Assessment.RecordEventAsync(request);

        var retry = await Assessment.RecordEventAsync(request);

        retry.Replayed.Should().BeTrue();
        retry.Fact.Should().Be(first.Fact);
        Item(await ScorecardAsync("T1002"), "STUDY").Should().Be("14");
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1002" })).Facts.Should().ContainSingle();
    }

    [Fact]
    public async Task RecordEvent_WhenRequestIdIsReusedWithOtherContent_IsAlreadyExistsAndChangesNothing()
    {
        await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T1002", "MEETING_ABSENCE", requestId: "checkin-7") });

        var error = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T1002", "MEETING_LATE", requestId: "checkin-7") })
            .ShouldFailWith(StatusCode.AlreadyExists);

        error.ViolatedFields().Should().Equal("kind");
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Select(f => f.Kind).Should().Equal("MEETING_ABSENCE");
    }

    [Theory]
    [InlineData("T1002", "NO_SUCH_KIND", "2026-03-01", 1, "", "fact.kind", "is neither a kind")]
    [InlineData("T1002", "MEETING_ABSENCE", "2026-11-26", 1, "", "fact.occurred_on", "must not be in the future")]
    [InlineData("T1002", "MEETING_ABSENCE", "2026/03/01", 1, "", "fact.occurred_on", "is not a date")]
    [InlineData("T1002", "MEETING_ABSENCE", "2026-03-01", 0, "", "fact.count", "must be from 1 to 366")]
    [InlineData("T1002", "MEETING_ABSENCE", "2026-03-01", 367, "", "fact.count", "must be from 1 to 366")]
    [InlineData("T1002", "STUDY_SHORTFALL", "2026-03-01", 1, "8000000000000000000000000000", "fact.points", "at most 100")]
    [InlineData("T1002", "MEETING_ABSENCE", "2026-03-01", 1, "2", "fact.points", "has fixed points")]
    [InlineData("T1002", "STUDY_SHORTFALL", "2026-03-01", 1, "", "fact.points", "is required for the discretionary kind")]
    [InlineData("T1002", "STUDY_SHORTFALL", "2026-03-01", 1, "16.5", "fact.points", "must not exceed STUDY's maximum of 16")]
    [InlineData("T1002", "CONDUCT_SHORTFALL", "2026-03-01", 1, "20.5", "fact.points", "must not exceed PERSONAL_IN_SERVICE's maximum of 20")]
    [InlineData("T1002", "STUDY_SHORTFALL", "2026-03-01", 1, "1.25", "fact.points", "at most one decimal place")]
    [InlineData("T1002", "STUDY_SHORTFALL", "2026-03-01", 1, "0", "fact.points", "greater than 0")]
    [InlineData("T1002", "STUDY_SHORTFALL", "2026-03-01", 1, "-1", "fact.points", "is not a decimal number")]
    [InlineData("T1002", "CULTURAL_ACTIVITY_ABSENCE", "2026-03-01", 1, "", "fact.kind", "does not apply to IN_SERVICE members")]
    [InlineData("R2001", "GOOD_DEED", "2026-03-01", 1, "", "fact.kind", "does not apply to RETIRED members")]
    [InlineData("T1002", "AWARD_CITY", "2026-03-01", 1, "3", "fact.points", "has fixed points")]
    public async Task RecordEvent_WhenAFieldBreaksARule_IsInvalidArgumentNamingItAndStoresNothing(
        string staffNumber, string kind, string occurredOn, int count, string points, string field, string rule)
    {
        var error = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact(staffNumber, kind, occurredOn, count, points) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal(field);
        error.Status.Detail.Should().Contain(rule);
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, IncludeRevoked = true })).Facts.Should().BeEmpty();
    }

    [Fact]
    public async Task RecordEvent_WhenRequestIdIsMissing_IsInvalidArgumentNamingIt()
    {
        var error = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T1002", "MEETING_ABSENCE", requestId: "") })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("fact.request_id");
    }

    [Fact]
    public async Task RecordEvent_WhenMemberIsUnknown_IsNotFoundNamingStaffNumber()
    {
        var error = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T9999", "MEETING_ABSENCE") })
            .ShouldFailWith(StatusCode.NotFound);

        error.ViolatedFields().Should().Equal("fact.staff_number");
    }

    [Fact]
    public async Task RecordEvent_WhenDiscretionaryPointsEqualTheItemMaximum_IsAccepted()
    {
        var fact = await RecordAsync("R2001", "CONDUCT_SHORTFALL", points: "20");

        fact.Points.Should().Be("20");
        Item(await ScorecardAsync("R2001"), "PERSONAL_RETIRED").Should().Be("0");
    }

    [Fact]
    public async Task RecordEvent_WhenManyClientsRecordAtOnce_StoresEveryFactOnce()
    {
        var calls = Enumerable.Range(0, 64)
            .Select(i => Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact(i % 2 == 0 ? "T1002" : "T1003", "MEETING_LATE", requestId: $"late-{i}") }).ResponseAsync)
            .ToList();

        var responses = await Task.WhenAll(calls);

        responses.Select(r => r.Fact.FactId).Should().OnlyHaveUniqueItems();
        responses.Should().OnlyContain(r => !r.Replayed);
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, PageSize = 500 })).Facts.Should().HaveCount(64);
    }

    [Fact]
    public async Task RecordEvent_WhenOneRequestIdIsRetriedConcurrently_StoresOneFact()
    {
        var request = new RecordEventRequest { Fact = Fact("T1002", "DUES_LATE", requestId: "dues-2026-03") };

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Assessment.RecordEventAsync(request).ResponseAsync));

        responses.Select(r => r.Fact.FactId).Distinct().Should().ContainSingle();
        responses.Count(r => !r.Replayed).Should().Be(1);
        Item(await ScorecardAsync("T1002"), "DISCIPLINE").Should().Be("8", "16 - 5 for the late dues - 3 for the first half year without a thought report");
    }

    [Fact]
    public async Task RecordEvent_WhenAcknowledged_SurvivesARestart()
    {
        var fact = await RecordAsync("T1002", "TASK_OVERDUE");

        await Service.RestartAsync();

        var client = new AssessmentService.AssessmentServiceClient(Service.Channel);
        (await client.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Should().ContainSingle().Which.Should().Be(fact);
    }

    [Fact]
    public async Task RecordEvent_WhenTheCachedTableVersionIsStale_IsAbortedOnceAndTheRetrySucceeds()
    {
        await RecordAsync("T1002", "MEETING_LATE");
        var rubric = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric, Note = "v2" });
        // As if another instance had replaced the table: this one still believes version 1 is current.
        Service.Services.GetRequiredService<Chuangji.Workflow.Modules.Assessment.Rubrics.RubricDocuments>().RememberCurrentVersion(2026, 1);
        var request = new RecordEventRequest { Fact = Fact("T1002", "MEETING_LATE", requestId: "after-replace") };

        var error = await Assessment.RecordEventAsync(request).ShouldFailWith(StatusCode.Aborted);
        var retry = await Assessment.RecordEventAsync(request);

        error.ErrorInfo()!.Metadata["current_version"].Should().Be("2");
        retry.Replayed.Should().BeFalse();
        (await ScorecardAsync("T1002")).RubricVersion.Should().Be(2);
    }

    [Fact]
    public async Task RecordEvent_WhenAFieldIsHuge_AnswersAShortInvalidArgument()
    {
        var error = await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T1002", "MEETING_LATE", occurredOn: new string('9', 70_000)) })
            .ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("fact.occurred_on");
        error.Status.Detail.Length.Should().BeLessThan(200);
    }
}
