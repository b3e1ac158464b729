using Chuangji.Assessment.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Assessment.GetRubric;

/// <remarks>One host for the class: its tests only read.</remarks>
public sealed class GetRubricTests(SharedService shared) : IClassFixture<SharedService>
{
    [Fact]
    public async Task GetRubric_WhenYearIs2026_ReturnsTheDefaultTableOverGrpc()
    {
        var service = shared.Service;
        var client = new AssessmentService.AssessmentServiceClient(service.Channel);

        var rubric = (await client.GetRubricAsync(new GetRubricRequest { Year = 2026 })).Rubric;

        rubric.Year.Should().Be(2026);
        rubric.Version.Should().Be(1);
        rubric.Items.Select(item => $"{item.Code} {item.MaxPoints} {string.Join("+", item.AppliesTo)}").Should().Equal(
            "STUDY 16 InService+Retired",
            "ACHIEVEMENT 16 InService+Retired",
            "SERVICE 16 InService+Retired",
            "DISCIPLINE 16 InService+Retired",
            "INTEGRITY 16 InService+Retired",
            "PERSONAL_IN_SERVICE 20 InService",
            "PERSONAL_RETIRED 20 Retired");
        rubric.FactKinds.Select(kind => $"{kind.Kind} {string.Join("+", kind.ItemCodes)} {kind.Rule} {kind.Points}".TrimEnd()).Should().Equal(
            "MEETING_ABSENCE STUDY PerCount 2",
            "MEETING_LATE STUDY PerCount 2",
            "STUDY_SHORTFALL STUDY Discretionary",
            "NO_COMMITMENT ACHIEVEMENT OnceAYear 3",
            "TASK_OVERDUE ACHIEVEMENT PerCount 2",
            "EMERGENCY_ABSENCE ACHIEVEMENT PerCount 3",
            "ROLE_SHORTFALL ACHIEVEMENT Discretionary",
            "ASSISTANCE_HARDSHIP SERVICE Positive",
            "ASSISTANCE_STRUGGLING SERVICE Positive",
            "VOLUNTEER_ABSENCE SERVICE PerCount 3",
            "EXECUTION_SHORTFALL DISCIPLINE Discretionary",
            "DUES_LATE DISCIPLINE PerCount 5",
            "ORG_LIFE_ABSENCE DISCIPLINE PerCount 3",
            "THOUGHT_REPORT DISCIPLINE Positive",
            "LEGAL_VIOLATION DISCIPLINE Veto",
            "INTEGRITY_SHORTFALL INTEGRITY Discretionary",
            "GOOD_DEED PERSONAL_IN_SERVICE Positive",
            "CULTURAL_ACTIVITY_ABSENCE PERSONAL_RETIRED PerCount 5",
            "CONDUCT_SHORTFALL PERSONAL_IN_SERVICE+PERSONAL_RETIRED Discretionary",
            "AWARD_PROVINCIAL  Bonus 5",
            "AWARD_CITY  Bonus 3",
            "AWARD_DEPARTMENT  Bonus 2",
            "WORK_PROVINCIAL_ADVANCED  Bonus 5",
            "WORK_CITY_ADVANCED  Bonus 3",
            "WORK_CITY_COMMENDATION  Bonus 5");
        rubric.DerivedRules.Select(rule =>
                $"{rule.ItemCode} {rule.Window} {rule.Mode} {rule.Points} {string.Join("+", rule.Requirements.Select(r => $"{r.Kind}>={r.AtLeast}"))}")
            .Should().Equal(
                "DISCIPLINE HalfYear PerWindow 3 THOUGHT_REPORT>=1",
                "SERVICE Year PerWindow 5 ASSISTANCE_HARDSHIP>=1+ASSISTANCE_STRUGGLING>=5",
                "PERSONAL_IN_SERVICE Year PerMissing 5 GOOD_DEED>=2");
        rubric.RatingBands.Select(band => $"{band.Rating} {band.Name} {band.MinTotal}").Should().Equal(
            "EXCELLENT 优秀 90", "QUALIFIED 合格 70", "BASICALLY_QUALIFIED 基本合格 60", "UNQUALIFIED 不合格 0");
    }

    [Fact]
    public async Task GetRubric_WhenYearIs1999_IsInvalidArgumentNamingYear()
    {
        var service = shared.Service;
        var client = new AssessmentService.AssessmentServiceClient(service.Channel);

        var exception = await FluentActions.Awaiting(async () => await client.GetRubricAsync(new GetRubricRequest { Year = 1999 }))
            .Should().ThrowAsync<RpcException>();

        exception.Which.StatusCode.Should().Be(StatusCode.InvalidArgument);
        var badRequest = exception.Which.GetRpcStatus()?.GetDetail<BadRequest>();
        badRequest.Should().NotBeNull();
        badRequest!.FieldViolations.Select(violation => (violation.Field, violation.Description))
            .Should().Equal(("year", "must be from 2000 to 2100, not 1999"));
    }
}
