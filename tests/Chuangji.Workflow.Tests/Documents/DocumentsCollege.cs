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
}
