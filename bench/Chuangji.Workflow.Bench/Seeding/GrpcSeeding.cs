using System.Globalization;
using Chuangji.Assessment.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.Bench.Hosting;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Modules.Members.Contracts;
using Grpc.Net.Client;

namespace Chuangji.Workflow.Bench.Seeding;

/// <summary>Loads a roster and its facts into a running host the way campus systems do: through the public gRPC contract.</summary>
internal static class GrpcSeeding
{
    private const int MembersPerCall = 10_000;

    private const int FactsPerCall = 1_000;

    public static async Task SeedRosterAsync(GrpcChannel channel, Roster roster, CancellationToken cancellationToken)
    {
        var members = new MembersService.MembersServiceClient(channel);
        foreach (var branch in roster.Branches)
        {
            await members.CreateBranchAsync(
                new CreateBranchRequest { Code = branch.Code, Name = branch.Name, SecretaryName = branch.SecretaryName, SecretaryStaffNumber = branch.SecretaryStaffNumber },
                deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
        }

        foreach (var chunk in roster.Members.Chunk(MembersPerCall))
        {
            var request = new ImportMembersRequest();
            request.Members.AddRange(chunk.Select(m => new MemberRegistration
            {
                StaffNumber = m.StaffNumber,
                Name = m.Name,
                BranchCode = m.Branch.Code,
                Category = m.Category == MemberCategoryCode.InService ? Chuangji.Members.V1.MemberCategory.InService : Chuangji.Members.V1.MemberCategory.Retired,
                JoinedPartyOn = IsoDate.Format(m.JoinedPartyOn),
                Specialty = m.Specialty,
            }));
            var reply = await members.ImportMembersAsync(request, deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
            if (reply.CreatedCount != chunk.Length)
            {
                var first = reply.Results.FirstOrDefault(r => r.Error is not null)?.Error?.Message ?? "(no error given)";
                throw new InvalidOperationException($"ImportMembers created {reply.CreatedCount} of {chunk.Length} members; first refusal: {first}");
            }
        }
    }

    /// <summary>RecordEvents in calls of 1,000 rows; every row must be recorded.</summary>
    public static async Task RecordAsync(GrpcChannel channel, IReadOnlyList<PlannedFact> facts, string tag, CancellationToken cancellationToken)
    {
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        foreach (var chunk in facts.Chunk(FactsPerCall))
        {
            var request = new RecordEventsRequest();
            request.Facts.AddRange(chunk.Select(f => Input(f, tag)));
            var reply = await assessment.RecordEventsAsync(request, deadline: ChildHost.CallDeadline, cancellationToken: cancellationToken);
            if (reply.RecordedCount != chunk.Length)
            {
                var first = reply.Results.FirstOrDefault(r => r.Error is not null)?.Error?.Message ?? "(no error given)";
                throw new InvalidOperationException($"RecordEvents recorded {reply.RecordedCount} of {chunk.Length} facts; first refusal: {first}");
            }
        }
    }

    public static FactInput Input(PlannedFact fact, string tag) => new()
    {
        StaffNumber = fact.StaffNumber,
        Kind = fact.Kind,
        OccurredOn = FactSql.FormatDate(fact.OccurredOn),
        Count = fact.Count,
        Points = fact.PointsTenths is { } tenths ? (tenths / 10m).ToString(CultureInfo.InvariantCulture) : string.Empty,
        Note = fact.Note,
        RecordedBy = fact.RecordedBy,
        RequestId = fact.RequestKey(tag),
    };
}
