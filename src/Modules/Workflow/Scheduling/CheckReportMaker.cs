using System.Globalization;
using System.Text.Json;
using Chuangji.Workflow.BuildingBlocks.Persistence;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Domain.Checks;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Domain.Schedule;
using Chuangji.Workflow.Modules.Workflow.Domain.Years;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Scheduling;

/// <summary>
/// 每季度检查: per branch, the members with no registered facts in the quarter, without a thought report,
/// or with a self-report overdue, kept as a report, the secretary reminded of what is missing.
/// 半年检查汇报: the same counts for every branch over the half year, one report for the leadership group.
/// </summary>
internal sealed class CheckReportMaker(WorkflowDbContext db, IMembersModule members, IAssessmentModule assessment, ReminderWriter reminders, CollegeClock clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);


    /// <summary>
    /// <paramref name="remind"/> is false once the check's day is over (after downtime, or a year opened
    /// late): the report is kept, but the secretaries are not reminded of a past quarter.
    /// </summary>
    public async Task<string> MakeQuarterlyAsync(WorkflowYear year, ScheduledEvent check, bool remind, CancellationToken cancellationToken)
    {
        var start = new DateOnly(check.Date.Year, ((check.Date.Month - 1) / 3 * 3) + 1, 1);
        var period = string.Create(CultureInfo.InvariantCulture, $"{check.Date.Year}-Q{((check.Date.Month - 1) / 3) + 1}");
        var findings = await FindingsAsync(year, start, check.Date, cancellationToken);
        var branches = await members.ListBranchesAsync(cancellationToken);
        var made = 0;
        var notices = new List<Reminder>();
        foreach (var branch in branches)
        {
            var own = findings.Where(f => f.BranchCode == branch.Code).ToList();
            var tally = Tally(branch.Code, own);
            var report = new CheckFindings(own.Where(f => f.Finding.NoFacts || f.Finding.NoThoughtReport || f.Finding.OverdueSelfReports.Count > 0).Select(f => f.Finding).ToList(), [tally]);
            made += await KeepAsync(year.Year, CheckKind.Quarterly, period, branch.Code, start, check.Date, report, cancellationToken);
            if (remind && report.Members.Count > 0)
            {
                notices.Add(Notice(year.Year, branch, check.Date, tally));
            }
        }

        await reminders.WriteAsync(notices, cancellationToken);
        return $"{made} quarterly reports made for {period}";
    }

    public async Task<string> MakeHalfYearAsync(WorkflowYear year, ScheduledEvent check, CancellationToken cancellationToken)
    {
        var start = new DateOnly(check.Date.Year, check.Date.Month <= 6 ? 1 : 7, 1);
        var period = string.Create(CultureInfo.InvariantCulture, $"{check.Date.Year}-H{(check.Date.Month <= 6 ? 1 : 2)}");
        var findings = await FindingsAsync(year, start, check.Date, cancellationToken);
        var branches = await members.ListBranchesAsync(cancellationToken);
        var tallies = branches.Select(b => Tally(b.Code, findings.Where(f => f.BranchCode == b.Code).ToList())).ToList();
        var made = await KeepAsync(year.Year, CheckKind.HalfYear, period, string.Empty, start, check.Date, new CheckFindings([], tallies), cancellationToken);
        return $"{made} half-year report made for {period}";
    }

    private async Task<List<(string BranchCode, MemberFinding Finding)>> FindingsAsync(WorkflowYear year, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var roster = await members.ListMembersAsync(null, activeOnly: true, cancellationToken);
        // What the scheme records on its own (a missed commitment) is not the branch registering the member's year.
        var facts = await assessment.TallyFactsAsync(from, to, [SchemeFactKinds.NoCommitment], cancellationToken);
        var declarations = await db.Cycles.AsNoTracking().Where(c => c.Year == year.Year)
            .Select(c => new { c.StaffNumber, H1 = c.FirstHalfDeclaredAtUtcTicks != null, H2 = c.SecondHalfDeclaredAtUtcTicks != null })
            .ToDictionaryAsync(c => c.StaffNumber, c => (c.H1, c.H2), cancellationToken);
        return roster.Select(member =>
        {
            var tally = facts.GetValueOrDefault(member.StaffNumber);
            var overdue = new List<string>();
            if (declarations.TryGetValue(member.StaffNumber, out var declared))
            {
                if (year.FirstHalfReportDue < to && !declared.H1)
                {
                    overdue.Add("H1");
                }

                if (year.SecondHalfReportDue < to && !declared.H2)
                {
                    overdue.Add("H2");
                }
            }

            return (member.BranchCode, new MemberFinding(member.StaffNumber, member.Name, tally is null, (tally?.ThoughtReports ?? 0) == 0, overdue));
        }).ToList();
    }

    private static BranchTally Tally(string branchCode, List<(string BranchCode, MemberFinding Finding)> findings) => new(
        branchCode,
        findings.Count,
        findings.Count(f => f.Finding.NoFacts),
        findings.Count(f => f.Finding.NoThoughtReport),
        findings.Count(f => f.Finding.OverdueSelfReports.Count > 0));

    private async Task<int> KeepAsync(int year, CheckKind kind, string period, string branchCode, DateOnly start, DateOnly end, CheckFindings findings, CancellationToken cancellationToken)
    {
        if (await db.CheckReports.AnyAsync(r => r.Year == year && r.Kind == kind && r.Period == period && r.BranchCode == branchCode, cancellationToken))
        {
            return 0;
        }

        db.CheckReports.Add(new CheckReport
        {
            Year = year,
            Kind = kind,
            Period = period,
            BranchCode = branchCode,
            PeriodStart = start,
            PeriodEnd = end,
            CreatedAtUtcTicks = clock.UtcNow.UtcTicks,
            Findings = JsonSerializer.Serialize(findings, Json),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return 1;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private Reminder Notice(int year, BranchRecord branch, DateOnly date, BranchTally tally) => new()
    {
        Year = year,
        Kind = ReminderKind.CheckFindings,
        Recipient = ReminderRecipient.BranchSecretary,
        RecipientKey = Reminder.KeyOf(ReminderRecipient.BranchSecretary, branch.SecretaryStaffNumber, branch.Code),
        StaffNumber = branch.SecretaryStaffNumber,
        BranchCode = branch.Code,
        Deadline = date,
        DaysBefore = 0,
        Message = ReminderMessages.ForFindings(branch.Name, date.Year, ((date.Month - 1) / 3) + 1, tally.WithoutFacts, tally.WithoutThoughtReport, tally.OverdueSelfReports),
        CreatedAtUtcTicks = clock.UtcNow.UtcTicks,
    };
}
