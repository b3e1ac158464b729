using Chuangji.Assessment.V1;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Chuangji.Workflow.Tests.Assessment.Facts;

public sealed class RecordEventsTests : AssessmentFixture
{
    [Fact]
    public async Task RecordEvents_WhenSomeRowsAreBad_KeepsEveryValidRowAndAnswersPerRow()
    {
        await Assessment.RecordEventAsync(new RecordEventRequest { Fact = Fact("T1003", "MEETING_LATE", requestId: "seen-before") });
        var request = new RecordEventsRequest
        {
            Facts =
            {
                Fact("T1002", "MEETING_ABSENCE", requestId: "row-0"),
                Fact("T1002", "MEETING_ABSENCE", occurredOn: "2027-01-01", requestId: "row-1"),
                Fact("T9999", "MEETING_ABSENCE", requestId: "row-2"),
                Fact("T1003", "MEETING_LATE", requestId: "seen-before"),
                Fact("R2001", "CULTURAL_ACTIVITY_ABSENCE", requestId: "row-4"),
                Fact("T1002", "TASK_OVERDUE", requestId: "row-0"),
                Fact("T1002", "MEETING_ABSENCE", requestId: "row-0"),
            },
        };

        var response = await Assessment.RecordEventsAsync(request);

        response.Results.Select(r => (r.Row, r.Outcome)).Should().Equal(
            (0, RecordOutcome.Recorded),
            (1, RecordOutcome.Rejected),
            (2, RecordOutcome.Rejected),
            (3, RecordOutcome.Replayed),
            (4, RecordOutcome.Recorded),
            (5, RecordOutcome.Rejected),
            (6, RecordOutcome.Replayed));
        response.Results[1].Error.Code.Should().Be("INVALID_ARGUMENT");
        response.Results[1].Error.FieldViolations.Select(v => v.Field).Should().Equal("occurred_on");
        response.Results[2].Error.Code.Should().Be("NOT_FOUND");
        response.Results[5].Error.Code.Should().Be("ALREADY_EXISTS");
        response.Results[6].Fact.FactId.Should().Be(response.Results[0].Fact.FactId);
        (response.RecordedCount, response.ReplayedCount, response.RejectedCount).Should().Be((2, 2, 3));
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Select(f => f.RequestId)
            .Should().Equal("seen-before", "row-0", "row-4");
    }

    [Fact]
    public async Task RecordEvents_WhenOverAThousandRows_IsInvalidArgumentAndStoresNothing()
    {
        var request = new RecordEventsRequest();
        request.Facts.AddRange(Enumerable.Range(0, 1_001).Select(i => Fact("T1002", "MEETING_LATE", requestId: $"bulk-{i}")));

        var error = await Assessment.RecordEventsAsync(request).ShouldFailWith(StatusCode.InvalidArgument);

        error.ViolatedFields().Should().Equal("facts");
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Should().BeEmpty();
    }

    [Fact]
    public async Task RecordEvents_WhenAThousandRows_StoresThemAll()
    {
        var request = new RecordEventsRequest();
        request.Facts.AddRange(Enumerable.Range(0, 1_000).Select(i => Fact(i % 2 == 0 ? "T1002" : "T2001", "MEETING_LATE", requestId: $"bulk-{i}")));

        var response = await Assessment.RecordEventsAsync(request);

        response.RecordedCount.Should().Be(1_000);
        Item(await ScorecardAsync("T2001"), "STUDY").Should().Be("0", "500 late arrivals take far more than 16 points, and an item never goes below 0");
    }

    [Fact]
    public async Task FactWriter_WhenTheTableChangedAfterTheFactWasChecked_WritesNothingForIt()
    {
        await RecordAsync("T1002", "MEETING_LATE");
        var rubric = (await Assessment.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;
        await Assessment.ReplaceRubricAsync(new ReplaceRubricRequest { Year = 2026, Rubric = rubric, Note = "v2" });
        var writer = Service.Services.GetRequiredService<FactWriter>();
        var recorded = (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Single();
        NewFact Checked(int version, string requestId) =>
            new(1, recorded.StaffNumber, 2026, "MEETING_LATE", new DateOnly(2026, 4, 1), 1, null, "", "test", requestId, version);

        var outcomes = await writer.WriteAsync([Checked(1, "stale"), Checked(2, "fresh")]);

        outcomes.Select(o => o.Result).Should().Equal(FactWriteResult.StaleRubric, FactWriteResult.Recorded);
        outcomes[0].CurrentRubricVersion.Should().Be(2);
        (await Assessment.ListEventsAsync(new ListEventsRequest { Year = 2026 })).Facts.Select(f => f.RequestId).Should().NotContain("stale");
    }
}
