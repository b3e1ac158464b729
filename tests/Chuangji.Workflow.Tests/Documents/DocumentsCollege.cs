using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Tests.Documents;

/// <summary>
/// The test college walked through 2026 up to publicity (亮绩), opened on 12-18 10:00 and ending 12-23 10:00, with
/// the figures worked out by hand (defaults: 100 base; thought report −3 per half; assistance −5; good deeds −5 each):
/// <list type="bullet">
/// <item>T1002 (B01, in service): committed, declared both halves, every requirement met; absent on 03-12 and 04-02
/// (STUDY 16−4 = 12), a city award (+3): 96 + 3 = 99, eligible for 优秀.</item>
/// <item>T1003 (B01, in service): committed, declared the first half; every requirement met; late three times on
/// 04-01 (STUDY 16−6 = 10), dues late on 03-01 (DISCIPLINE 16−5 = 11): 89, 合格.</item>
/// <item>R2001 (B01, retired): no commitment (ACHIEVEMENT 13), no thought report (DISCIPLINE 10), no assistance
/// (SERVICE 11): 86, and a legal violation on 03-02: vetoed, 不合格.</item>
/// <item>T2001 (B02, in service): nothing at all: 100 − 3 − 6 − 5 − 10 = 76.</item>
/// </list>
/// One opinion about T1002 (named) and one about T1003 (anonymous); T1003 objects during publicity.
/// </summary>
public sealed class DocumentsCollege : SharedService
{
    public static readonly DateTimeOffset PublicityOpens = At(12, 18);

    public static readonly DateTimeOffset PublicityCloses = At(12, 23);

    public static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Before any deadline of 2026.</summary>
    public static readonly DateTimeOffset January5 = At(1, 5);

    protected override DateTimeOffset? Start => January5;

    protected override async Task SeedAsync(TestService service)
    {
        await WalkToMassReviewAsync(service);
        await EnterPublicityAsync(service);
    }

    /// <summary>Walks the test college of a service started on <see cref="January5"/> through mass review (评绩), to 12-17.</summary>
    public static Task WalkToMassReviewAsync(TestService service) => WalkToMassReviewAsync(service.Channel, service.Time);

    /// <summary>The same walk through any host's channel (the leadership group's) and fake clock.</summary>
    public static async Task WalkToMassReviewAsync(Grpc.Net.Client.GrpcChannel channel, Microsoft.Extensions.Time.Testing.FakeTimeProvider time)
    {
        var workflow = new WorkflowService.WorkflowServiceClient(channel);
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        await new MembersService.MembersServiceClient(channel).WithTestCollegeAsync();
        await workflow.OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" });
        foreach (var member in new[] { "T1002", "T1003" })
        {
            await workflow.SubmitCommitmentAsync(new SubmitCommitmentRequest { Year = 2026, StaffNumber = member, Commitment = $"{member}：带头完成教学任务", Actor = member });
        }

        time.SetUtcNow(At(2, 1));
        await Advance(workflow, CycleState.SelfReport);

        time.SetUtcNow(At(6, 20));
        async Task Record(string staffNumber, string kind, string occurredOn, int count = 1) =>
            await assessment.RecordEventAsync(new RecordEventRequest
            {
                Fact = new FactInput { StaffNumber = staffNumber, Kind = kind, OccurredOn = occurredOn, Count = count, RequestId = $"{staffNumber}-{kind}-{occurredOn}", RecordedBy = "secretary-B01" },
            });
        foreach (var member in new[] { "T1002", "T1003" })
        {
            await Record(member, "THOUGHT_REPORT", "2026-03-10");
            await Record(member, "ASSISTANCE_HARDSHIP", "2026-04-10");
            await Record(member, "ASSISTANCE_STRUGGLING", "2026-04-11", 5);
            await Record(member, "GOOD_DEED", "2026-05-10", 2);
            await workflow.SubmitDeclarationAsync(new SubmitDeclarationRequest { Year = 2026, StaffNumber = member, Half = HalfYear.First, Content = $"{member}上半年述绩", Actor = member });
        }

        await Record("T1002", "MEETING_ABSENCE", "2026-03-12");
        await Record("T1002", "MEETING_ABSENCE", "2026-04-02");
        await Record("T1002", "AWARD_CITY", "2026-05-01");
        await Record("T1003", "MEETING_LATE", "2026-04-01", 3);
        await Record("T1003", "DUES_LATE", "2026-03-01");
        await Record("R2001", "LEGAL_VIOLATION", "2026-03-02");

        time.SetUtcNow(At(7, 11));
        await Advance(workflow, CycleState.SelfReport, CycleSubState.SecondHalf);
        await workflow.SubmitDeclarationAsync(new SubmitDeclarationRequest { Year = 2026, StaffNumber = "T1002", Half = HalfYear.Second, Content = "T1002下半年述绩", Actor = "T1002" });

        time.SetUtcNow(At(12, 11));
        await Record("T1002", "THOUGHT_REPORT", "2026-09-10");
        await Record("T1003", "THOUGHT_REPORT", "2026-09-11");
        await Advance(workflow, CycleState.MassReview);
        await workflow.SubmitOpinionAsync(new SubmitOpinionRequest { Year = 2026, StaffNumber = "T1002", Channel = OpinionChannel.Forum, Content = "备课认真", Author = "学生代表", RequestId = "forum-1" });
        await workflow.SubmitOpinionAsync(new SubmitOpinionRequest { Year = 2026, StaffNumber = "T1003", Channel = OpinionChannel.SuggestionBox, Content = "希望多辅导", Anonymous = true, RequestId = "box-7" });

        time.SetUtcNow(At(12, 17, 23));
    }

    /// <summary>Publicity (亮绩) from 12-18 10:00 to 12-23 10:00; T1003 objects on 12-19.</summary>
    public static Task EnterPublicityAsync(TestService service) => EnterPublicityAsync(service.Channel, service.Time);

    /// <summary>The same through any host's channel (the leadership group's) and fake clock.</summary>
    public static async Task EnterPublicityAsync(Grpc.Net.Client.GrpcChannel channel, Microsoft.Extensions.Time.Testing.FakeTimeProvider time)
    {
        var workflow = new WorkflowService.WorkflowServiceClient(channel);
        time.SetUtcNow(PublicityOpens);
        await Advance(workflow, CycleState.Publicity);
        time.SetUtcNow(At(12, 19));
        await workflow.RaiseObjectionAsync(new RaiseObjectionRequest { Year = 2026, StaffNumber = "T1003", Content = "迟到只有两次", Actor = "T1003" });
    }

    private static async Task Advance(WorkflowService.WorkflowServiceClient workflow, CycleState state, CycleSubState subState = CycleSubState.Unspecified) =>
        await workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = state, TargetSubState = subState, Actor = "leadership" });

    /// <summary>From publicity to the year's end (12-25): the objection upheld with its correction, the meeting, the outcomes, a late absence.</summary>
    public static async Task WalkToTheYearsEndAsync(TestService service)
    {
        var workflow = new WorkflowService.WorkflowServiceClient(service.Channel);
        var assessment = new AssessmentService.AssessmentServiceClient(service.Channel);

        service.Time.SetUtcNow(DocumentsCollege.At(12, 20));
        var late = (await assessment.ListEventsAsync(new ListEventsRequest { Year = 2026, StaffNumber = "T1003" })).Facts.Single(f => f.Kind == "MEETING_LATE");
        await assessment.RevokeEventAsync(new RevokeEventRequest { FactId = late.FactId, Reason = "异议成立：迟到两次" });
        var corrected = await assessment.RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = "T1003", Kind = "MEETING_LATE", OccurredOn = "2026-04-01", Count = 2, RequestId = "late-corrected", RecordedBy = "secretary-B01" },
        });
        var objection = (await workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = "T1003" })).Cycle.Objections.Single();
        await workflow.ResolveObjectionAsync(new ResolveObjectionRequest
        {
            Year = 2026, StaffNumber = "T1003", ObjectionId = objection.ObjectionId, Upheld = true, Resolution = "核实后更正为迟到两次",
            CorrectedFactIds = { late.FactId, corrected.Fact.FactId }, Actor = "secretary-B01",
        });

        service.Time.SetUtcNow(DocumentsCollege.PublicityCloses);
        await workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.Determination, Actor = "leadership" });
        service.Time.SetUtcNow(DocumentsCollege.At(12, 24));
        foreach (var (staffNumber, rating) in new[] { ("T1002", Rating.Excellent), ("T1003", Rating.Qualified), ("R2001", Rating.Unqualified), ("T2001", Rating.BasicallyQualified) })
        {
            await workflow.DetermineAsync(new DetermineRequest
            {
                Year = 2026, StaffNumber = staffNumber, Rating = rating, PeerReviewSummary = $"{staffNumber}互评", SecretaryComment = $"{staffNumber}点评", Actor = "secretary-B01",
            });
        }

        await workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "T1002", Commendation = "评为优秀共产党员" });
        await workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "T1003" });
        await workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "R2001", HelpPlan = "支部书记结对帮扶，每月谈心一次" });
        await workflow.ApplyOutcomeAsync(new ApplyOutcomeRequest { Year = 2026, StaffNumber = "T2001", HelpPlan = "督促按时提交思想汇报" });

        service.Time.SetUtcNow(DocumentsCollege.At(12, 25));
        await assessment.RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = "T1002", Kind = "MEETING_ABSENCE", OccurredOn = "2026-12-25", RequestId = "late-absence", RecordedBy = "secretary-B01" },
        });
    }
}
