using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.ListReminders;

internal sealed record ReminderPage(IReadOnlyList<Reminder> Reminders, string NextPageToken);

/// <summary>The reminders made, filtered and paged, oldest first.</summary>
internal sealed class ListRemindersHandler(WorkflowDbContext db)
{
    public async Task<ReminderPage> HandleAsync(int year, string staffNumber, string branchCode, bool undeliveredOnly, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        Identifier.Optional(violations, "staff_number", staffNumber);
        Identifier.Optional(violations, "branch_code", branchCode);
        violations.ThrowIfAny();
        var fingerprint = $"reminders|{year}|{staffNumber}|{branchCode}|{undeliveredOnly}";
        var page = PageRequest.Parse(pageSize, pageToken, fingerprint);
        var reminders = db.Reminders.AsNoTracking();
        if (year != 0)
        {
            reminders = reminders.Where(r => r.Year == year);
        }

        if (staffNumber.Length > 0)
        {
            reminders = reminders.Where(r => r.StaffNumber == staffNumber);
        }

        if (branchCode.Length > 0)
        {
            reminders = reminders.Where(r => r.BranchCode == branchCode);
        }

        if (undeliveredOnly)
        {
            reminders = reminders.Where(r => r.DeliveredAtUtcTicks == null);
        }

        if (page.AfterId() is { } afterId)
        {
            reminders = reminders.Where(r => r.Id > afterId);
        }

        var (rows, next) = await reminders.OrderBy(r => r.Id).ReadPageAsync(page, r => KeysetPage.IdKey(r.Id), fingerprint, cancellationToken);
        return new ReminderPage(rows, next);
    }
}
