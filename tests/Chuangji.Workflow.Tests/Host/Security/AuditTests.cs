using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Assessment.V1;
using Chuangji.Audit.V1;
using Chuangji.Members.V1;
using Chuangji.Workflow.BuildingBlocks.Audit;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Modules.Members.Persistence;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Chuangji.Workflow.Tests.Infrastructure;
using Chuangji.Workflow.Tests.Members;
using Chuangji.Workflow.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Domain = Chuangji.Workflow.Modules.Workflow.Domain.Reminders;

namespace Chuangji.Workflow.Tests.Host.Security;

public sealed class AuditTests : IAsyncLifetime
{
    private TestService _service = null!;

    private AuditService.AuditServiceClient Audit => new(_service.Channel);

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        var members = await new MembersService.MembersServiceClient(_service.Channel).WithBranchesAsync("B01", "B02");
        await members.ImportMembersAsync(new ImportMembersRequest { Members = { MembersFixtures.Registration("T1002", "B01"), MembersFixtures.Registration("T2001", "B02") } });
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task AChange_IsRecordedWithItsAuthorTargetAndRequestId()
    {
        using var channel = _service.ChannelWith(Token(CallerRole.Secretary, "T1001", "B01"));
        await new AssessmentService.AssessmentServiceClient(channel).RecordEventAsync(Late("T1002", "checkin-1"));

        var record = (await Audit.ListAuditAsync(new ListAuditRequest { Actor = "T1001" })).Records.Should().ContainSingle().Subject;

        (record.Actor, record.Role, record.Rpc, record.Target, record.StaffNumber, record.BranchCode, record.RequestId, record.Outcome, record.Detail).Should().Be(
            ("T1001", "secretary", "chuangji.assessment.v1.AssessmentService/RecordEvent", "member T1002", "T1002", "B01", "checkin-1", "OK", ""));
        record.At.ToDateTimeOffset().Should().Be(_service.Time.GetUtcNow());
    }

    [Fact]
    public async Task RefusedCallsWithHugeFields_KeepASmallRecord_AndGrowTheDatabaseByLittle()
    {
        using var channel = _service.ChannelWith(Token(CallerRole.Member, "T1002"));
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        var huge = new string('x', 1024 * 1024);
        var before = await DatabaseBytesAsync();
        for (var i = 0; i < 20; i++)
        {
            await assessment.RecordEventAsync(new RecordEventRequest
            {
                Fact = new FactInput { StaffNumber = huge + i, Kind = "MEETING_LATE", OccurredOn = "2026-03-01", RequestId = huge + i },
            }).ShouldFailWith(StatusCode.PermissionDenied);
        }

        var records = (await Audit.ListAuditAsync(new ListAuditRequest { Actor = "T1002", PageSize = 50 })).Records;
        records.Should().HaveCount(20).And.OnlyContain(r => r.Outcome == "PERMISSION_DENIED");
        records.Should().OnlyContain(r => r.StaffNumber.Length == 0 && r.RequestId.Length <= AuditSql.MaxRequestId && r.Target.Length <= 300 && r.Detail.Length <= 500);
        (await DatabaseBytesAsync() - before).Should().BeLessThan(1024 * 1024, "20 refused calls of 1 MiB fields keep less than 1 MB");
    }

    /// <summary>What the database takes on disk: the file and its write-ahead log (checkpointed first), or the server's size of it.</summary>
    private async Task<long> DatabaseBytesAsync()
    {
        if (_service.Database.IsPostgreSql)
        {
            await using var connection = await _service.Database.OpenAsync();
            await using var size = connection.CreateCommand();
            size.CommandText = "SELECT pg_database_size(current_database())";
            return (long)(await size.ExecuteScalarAsync())!;
        }

        await using (var scope = _service.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        return new[] { _service.DatabasePath, _service.DatabasePath + "-wal" }.Where(File.Exists).Sum(path => new FileInfo(path).Length);
    }

    [Fact]
    public async Task RefusedCalls_AreRecordedToo_WithTheStatusAndTheReason()
    {
        using var channel = _service.ChannelWith(Token(CallerRole.Secretary, "T1001", "B01"));
        var assessment = new AssessmentService.AssessmentServiceClient(channel);
        await assessment.RecordEventAsync(Late("T2001", "foreign")).ShouldFailWith(StatusCode.PermissionDenied);
        await assessment.RecordEventAsync(Late("T1002", "bad", kind: "NO_SUCH_KIND")).ShouldFailWith(StatusCode.InvalidArgument);

        var records = (await Audit.ListAuditAsync(new ListAuditRequest { Actor = "T1001" })).Records;

        records.Select(r => (r.StaffNumber, r.BranchCode, r.Outcome)).Should().Equal(("T2001", "B02", "PERMISSION_DENIED"), ("T1002", "B01", "INVALID_ARGUMENT"));
        records[0].Detail.Should().Contain("acts within branch B01");
    }

    [Fact]
    public async Task EveryCall_IsOneRecord_ARetryIsItsOwn_AndReadsAreNotRecorded()
    {
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        await assessment.RecordEventAsync(Late("T1002", "same"));
        await assessment.RecordEventAsync(Late("T1002", "same"));
        await assessment.GetScorecardAsync(new GetScorecardRequest { StaffNumber = "T1002", Year = 2026 });

        var records = (await Audit.ListAuditAsync(new ListAuditRequest { StaffNumber = "T1002", Actor = "leadership" })).Records;

        records.Select(r => (r.Rpc, r.RequestId, r.Outcome)).Should().Equal(
            ("chuangji.members.v1.MembersService/ImportMembers", "", "OK"),
            ("chuangji.assessment.v1.AssessmentService/RecordEvent", "same", "OK"),
            ("chuangji.assessment.v1.AssessmentService/RecordEvent", "same", "OK"));
    }

    [Fact]
    public async Task AnAnonymousOpinion_LeavesNoIdentityInTheTrail_NotEvenItsTimeOrAReason()
    {
        var workflow = new WorkflowService.WorkflowServiceClient(_service.Channel);
        await workflow.OpenYearAsync(new OpenYearRequest { Year = 2026 });
        await workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.SelfReport });
        using var channel = _service.ChannelWith(Token(CallerRole.System, "suggestion-box", scopes: [SystemScopes.Opinions]));
        var box = new WorkflowService.WorkflowServiceClient(channel);

        await box.SubmitOpinionAsync(Opinion("box-7")).ShouldFailWith(StatusCode.FailedPrecondition);
        await workflow.AdvancePhaseAsync(new AdvancePhaseRequest { Year = 2026, TargetState = CycleState.MassReview });
        await box.SubmitOpinionAsync(Opinion("box-8"));

        var records = (await Audit.ListAuditAsync(new ListAuditRequest { StaffNumber = "T1002" })).Records.Where(r => r.Rpc.EndsWith("/SubmitOpinion", StringComparison.Ordinal)).ToList();
        records.Select(r => r.Outcome).Should().Equal("FAILED_PRECONDITION", "OK");
        records.Should().OnlyContain(r => r.Actor == string.Empty && r.Role == string.Empty && r.RequestId == string.Empty && r.Detail == string.Empty);
        var day = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8));
        records.Should().OnlyContain(r => r.At.ToDateTimeOffset() == day, "the opinion keeps only its day, and so does its record");
        (await Audit.ListAuditAsync(new ListAuditRequest { Actor = "suggestion-box" })).Records.Should().BeEmpty();
    }

    private static SubmitOpinionRequest Opinion(string requestId) => new()
    {
        Year = 2026, StaffNumber = "T1002", Channel = OpinionChannel.SuggestionBox, Content = "备课认真", Anonymous = true, RequestId = requestId,
    };

    [Fact]
    public async Task ListAudit_FiltersByBranchAndTime_AndPages()
    {
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        _service.Time.Advance(TimeSpan.FromMinutes(1));
        var start = _service.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await assessment.RecordEventAsync(Late(i % 2 == 0 ? "T1002" : "T2001", $"r{i}"));
            _service.Time.Advance(TimeSpan.FromMinutes(10));
        }

        var b01 = (await Audit.ListAuditAsync(new ListAuditRequest { BranchCode = "B01", From = Timestamp.FromDateTimeOffset(start) })).Records;
        var window = (await Audit.ListAuditAsync(new ListAuditRequest
        {
            From = Timestamp.FromDateTimeOffset(start.AddMinutes(10)), To = Timestamp.FromDateTimeOffset(start.AddMinutes(30)),
        })).Records;
        var first = await Audit.ListAuditAsync(new ListAuditRequest { From = Timestamp.FromDateTimeOffset(start), PageSize = 3 });
        var second = await Audit.ListAuditAsync(new ListAuditRequest { From = Timestamp.FromDateTimeOffset(start), PageSize = 3, PageToken = first.NextPageToken });

        b01.Select(r => r.RequestId).Should().Equal("r0", "r2", "r4");
        window.Select(r => r.RequestId).Should().Equal("r1", "r2");
        first.Records.Concat(second.Records).Select(r => r.RequestId).Should().Equal("r0", "r1", "r2", "r3", "r4");
        second.NextPageToken.Should().BeEmpty();
        (await Audit.ListAuditAsync(new ListAuditRequest { From = Timestamp.FromDateTimeOffset(start), To = Timestamp.FromDateTimeOffset(start) })
            .ShouldFailWith(StatusCode.InvalidArgument)).ViolatedFields().Should().Equal("to");
    }

    [Fact]
    public async Task WhoActed_IsTheTokensSubject_NotWhatTheRequestSaysOfItself()
    {
        // 2027: the clock is in late 2026, so its commitment phase is open (2026's deadlines passed before it was opened).
        await new WorkflowService.WorkflowServiceClient(_service.Channel).OpenYearAsync(new OpenYearRequest { Year = 2027 });
        using var channel = _service.ChannelWith(Token(CallerRole.Secretary, "T1001", "B01"));

        var cycle = (await new WorkflowService.WorkflowServiceClient(channel).SubmitCommitmentAsync(new SubmitCommitmentRequest
        {
            Year = 2027, StaffNumber = "T1002", Commitment = "带头完成教学任务", Actor = "leadership",
        })).Cycle;
        var fact = (await new AssessmentService.AssessmentServiceClient(channel).RecordEventAsync(new RecordEventRequest
        {
            Fact = new FactInput { StaffNumber = "T1002", Kind = "MEETING_LATE", OccurredOn = "2026-03-01", Count = 1, RecordedBy = "someone-else", RequestId = "who" },
        })).Fact;

        cycle.History.Single().Actor.Should().Be("T1001");
        fact.RecordedBy.Should().Be("T1001");
    }

    [Fact]
    public async Task ARefusedRetry_IsRecordedOnlyAsRefused()
    {
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        await assessment.RecordEventAsync(Late("T1002", "twice"));
        await assessment.RecordEventAsync(Late("T1002", "twice", kind: "MEETING_ABSENCE")).ShouldFailWith(StatusCode.AlreadyExists);

        var records = (await Audit.ListAuditAsync(new ListAuditRequest { StaffNumber = "T1002" })).Records.Where(r => r.RequestId == "twice");

        records.Select(r => r.Outcome).Should().Equal("OK", "ALREADY_EXISTS");
    }

    [Fact]
    public async Task ARevokedFact_IsRecordedOnItsMember()
    {
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        var fact = (await assessment.RecordEventAsync(Late("T2001", "to-revoke"))).Fact;
        await assessment.RevokeEventAsync(new RevokeEventRequest { FactId = fact.FactId, Reason = "签到系统误报" });

        var records = (await Audit.ListAuditAsync(new ListAuditRequest { StaffNumber = "T2001" })).Records;

        records.Select(r => r.Rpc[(r.Rpc.LastIndexOf('/') + 1)..]).Should().Equal("ImportMembers", "RecordEvent", "RevokeEvent");
        (records[2].Target, records[2].StaffNumber, records[2].BranchCode, records[2].Outcome).Should().Be(($"member T2001, fact {fact.FactId}", "T2001", "B02", "OK"));
        (await Audit.ListAuditAsync(new ListAuditRequest { BranchCode = "B02" })).Records.Select(r => r.Id).Should().EndWith(records.Select(r => r.Id), "after the branch's creation");
    }

    [Fact]
    public async Task ABatch_IsRecordedOnItsOneMember_OrFoundByEachOfSeveral()
    {
        var assessment = new AssessmentService.AssessmentServiceClient(_service.Channel);
        await assessment.RecordEventsAsync(new RecordEventsRequest { Facts = { Late("T1002", "one-a").Fact, Late("T1002", "one-b").Fact } });
        await assessment.RecordEventsAsync(new RecordEventsRequest { Facts = { Late("T1002", "both-a").Fact, Late("T2001", "both-b").Fact, Late("T2001", "both-c").Fact } });
        await new MembersService.MembersServiceClient(_service.Channel).ImportMembersAsync(new ImportMembersRequest
        {
            Members = { MembersFixtures.Registration("T1005", "B01"), MembersFixtures.Registration("T2005", "B02") },
        });

        var t1002 = (await Audit.ListAuditAsync(new ListAuditRequest { StaffNumber = "T1002" })).Records;
        var t2001 = (await Audit.ListAuditAsync(new ListAuditRequest { StaffNumber = "T2001" })).Records;
        var t2005 = (await Audit.ListAuditAsync(new ListAuditRequest { StaffNumber = "T2005" })).Records;
        var b02 = (await Audit.ListAuditAsync(new ListAuditRequest { BranchCode = "B02" })).Records;

        // The first record of each is the fixture's import of T1002 and T2001 (B01 and B02).
        t1002.Select(r => (r.Target, r.StaffNumber, r.BranchCode, string.Join(' ', r.StaffNumbers))).Should().Equal(
            ("2 members", "", "", "T1002 T2001"),
            ("member T1002, 2 facts", "T1002", "B01", ""),
            ("3 facts", "", "", "T1002 T2001"));
        t2001.Select(r => r.Id).Should().Equal(t1002[0].Id, t1002[2].Id);
        t2005.Should().ContainSingle().Which.StaffNumbers.Should().Equal("T1005", "T2005");
        b02.Select(r => r.Id).Should().Equal(b02[0].Id, t1002[0].Id, t1002[2].Id, t2005[0].Id);
        b02[0].Rpc.Should().EndWith("/CreateBranch");
        (await Audit.ListAuditAsync(new ListAuditRequest { StaffNumber = "T1099" })).Records.Should().BeEmpty();
    }

    [Fact]
    public async Task AnAcknowledgement_IsOneRecord_AndAnUnknownReminderOnlyNotFound()
    {
        await using (var scope = _service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            db.Reminders.Add(new Domain.Reminder
            {
                Year = 2026, Kind = Domain.ReminderKind.SecondHalfDeclarationDue, Recipient = Domain.ReminderRecipient.Member, RecipientKey = "member:T1002", StaffNumber = "T1002", BranchCode = "B01",
                Deadline = new DateOnly(2026, 12, 10), DaysBefore = 7, Message = "还有7天", CreatedAtUtcTicks = _service.Time.GetUtcNow().UtcTicks,
            });
            await db.SaveChangesAsync();
        }

        var reminders = new ReminderService.ReminderServiceClient(_service.Channel);
        var id = (await reminders.ListRemindersAsync(new ListRemindersRequest())).Reminders.Single().Id;
        await reminders.AckReminderAsync(new AckReminderRequest { Id = id, DeliveredBy = "messaging-bridge" });
        await reminders.AckReminderAsync(new AckReminderRequest { Id = id, DeliveredBy = "messaging-bridge" });
        var refusal = await reminders.AckReminderAsync(new AckReminderRequest { Id = id + 1 }).ShouldFailWith(StatusCode.NotFound);

        var records = (await Audit.ListAuditAsync(new ListAuditRequest())).Records.Where(r => r.Rpc.EndsWith("/AckReminder", StringComparison.Ordinal)).ToList();

        records.Select(r => (r.Target, r.Outcome)).Should().Equal(($"reminder {id}", "OK"), ($"reminder {id}", "OK"), ($"reminder {id + 1}", "NOT_FOUND"));
        records[2].Detail.Should().Be(refusal.Status.Detail);
    }

    [Fact]
    public async Task ASingleStatementSave_CarriesTheRecordInItsOwnTransaction()
    {
        var entry = new AuditEntry
        {
            Subject = "leadership", Role = "leadership", Rpc = "test/single", Target = "branch B01", StaffNumber = string.Empty, BranchCode = "B01", RequestId = string.Empty, AtUtcTicks = 1,
        };
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembersDbContext>();
        var branch = await db.Branches.SingleAsync(b => b.Code == "B01");
        db.Entry(branch).Property(b => b.UpdatedAtUtcTicks).CurrentValue = 42;

        using (AuditScope.Begin(entry))
        {
            await db.SaveChangesAsync();
        }

        entry.Written.Should().BeTrue("the save opened a transaction for the record to commit with");
        (await RowsAsync("test/single")).Should().Be(1);
    }

    [Fact]
    public async Task TheRecord_CommitsWithTheChange_AndIsGoneWithIt()
    {
        foreach (var commit in new[] { false, true })
        {
            var entry = new AuditEntry
            {
                Subject = "T1001", Role = "secretary", Rpc = $"test/{commit}", Target = "branch B09", StaffNumber = string.Empty, BranchCode = "B09", RequestId = string.Empty, AtUtcTicks = 1,
            };
            await using (var scope = _service.Services.CreateAsyncScope())
            using (AuditScope.Begin(entry))
            {
                var db = scope.ServiceProvider.GetRequiredService<MembersDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.Branches.Where(b => b.Code == "B01").ExecuteUpdateAsync(b => b.SetProperty(x => x.Name, x => x.Name));
                if (commit)
                {
                    await transaction.CommitAsync();
                }
                else
                {
                    await transaction.RollbackAsync();
                }
            }

            (await RowsAsync($"test/{commit}")).Should().Be(commit ? 1 : 0);
        }
    }

    private async Task<long> RowsAsync(string rpc)
    {
        await using var connection = await _service.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {_service.Database.Table("audit", "audit_records")} WHERE Rpc = @rpc";
        command.With("@rpc", rpc);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private string Token(CallerRole role, string subject, string? branch = null, IReadOnlyList<string>? scopes = null) =>
        _service.TokenFor(new TokenRequest(role, subject, branch, scopes ?? [], TimeSpan.FromHours(1)));

    private static RecordEventRequest Late(string staffNumber, string requestId, string kind = "MEETING_LATE") =>
        new() { Fact = new FactInput { StaffNumber = staffNumber, Kind = kind, OccurredOn = "2026-03-01", Count = 1, RequestId = requestId } };
}
