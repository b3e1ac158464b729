using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Grpc.Net.Client;

namespace Chuangji.Workflow.Tests.Workflow;

/// <summary>
/// Branch B01 (in-service T1002 and T1003, retired R2001) and B02 (in-service T2001), with the clock
/// at 2026-01-05 10:00 in Shanghai, before any deadline of 2026.
/// </summary>
public abstract class WorkflowFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset January5 = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    protected TestService Service { get; private set; } = null!;

    protected WorkflowService.WorkflowServiceClient Workflow { get; private set; } = null!;

    protected AssessmentService.AssessmentServiceClient Assessment { get; private set; } = null!;

    protected MembersService.MembersServiceClient Members { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await TestService.StartSeededAsync(MembersFixtures.TestCollege(January5));
        Workflow = new WorkflowService.WorkflowServiceClient(Service.Channel);
        Assessment = new AssessmentService.AssessmentServiceClient(Service.Channel);
        Members = new MembersService.MembersServiceClient(Service.Channel);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    protected Task<OpenYearResponse> OpenAsync() => Workflow.OpenYearAsync(new OpenYearRequest { Year = 2026, Actor = "leadership" }).ResponseAsync;

    protected void SetClock(int month, int day) =>
        Service.Time.SetUtcNow(new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8)));

    protected async Task<Cycle> CycleAsync(string staffNumber) =>
        (await Workflow.GetCycleAsync(new GetCycleRequest { Year = 2026, StaffNumber = staffNumber })).Cycle;

    protected Task<AdvancePhaseResponse> AdvanceAsync(CycleState state, CycleSubState subState = CycleSubState.Unspecified, string branch = "") =>
        Workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, BranchCode = branch, TargetState = state, TargetSubState = subState, Actor = "leadership" }).ResponseAsync;

    protected Task<SubmitCommitmentResponse> CommitAsync(string staffNumber, long? expectedVersion = null)
    {
        var request = new SubmitCommitmentRequest { Year = 2026, StaffNumber = staffNumber, Commitment = "带头完成教学任务，联系两名学困生", Actor = staffNumber };
        if (expectedVersion is { } version)
        {
            request.ExpectedVersion = version;
        }

        return Workflow.SubmitCommitmentAsync(request).ResponseAsync;
    }

    /// <summary>A channel whose calls carry a token of this caller (the default channel's caller is the leadership group).</summary>
    private protected GrpcChannel ChannelAs(CallerRole role, string subject, string? branch = null, IReadOnlyList<string>? scopes = null) =>
        Service.ChannelWith(Service.TokenFor(new TokenRequest(role, subject, branch, scopes ?? [], TimeSpan.FromHours(8))));

    protected Task<SubmitDeclarationResponse> DeclareAsync(string staffNumber, HalfYear half) =>
        Workflow.SubmitDeclarationAsync(new SubmitDeclarationRequest { Year = 2026, StaffNumber = staffNumber, Half = half, Content = "述绩：完成承诺事项", Actor = staffNumber }).ResponseAsync;
}
