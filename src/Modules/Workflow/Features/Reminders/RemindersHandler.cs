using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Paging;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Domain.Reminders;
using Chuangji.Workflow.Modules.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Chuangji.Workflow.Modules.Workflow.Features.Reminders;

internal sealed record ReminderPage(IReadOnlyList<Reminder> Reminders, string NextPageToken);

/// <summary>The reminder feed: read after a cursor, acknowledge, page through.</summary>
internal sealed class RemindersHandler(WorkflowDbContext db, CollegeClock clock)
{
    public const int StreamBatch = 200;

    public Task<List<Reminder>> AfterAsync(long afterId, bool undeliveredOnly, CancellationToken cancellationToken)
    {
        var reminders = db.Reminders.AsNoTracking().Where(r => r.Id > afterId);
        if (undeliveredOnly)
        {
            reminders = reminders.Where(r => r.DeliveredAtUtcTicks == null);
        }

        return reminders.OrderBy(r => r.Id).Take(StreamBatch).ToListAsync(cancellationToken);
    }

    public async Task<Reminder> AckAsync(long id, string deliveredBy, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        if (id <= 0)
        {
            violations.Add("id", "must be a reminder's id (a positive number)");
        }

        var by = TextField.Optional(violations, "delivered_by", deliveredBy, 64) ?? string.Empty;
        violations.ThrowIfAny();
        // Only the first acknowledgement is kept, also when two arrive at once; in a transaction, so the
        // call's audit record is committed with it. A commit carries the record as the call's change, so
        // there is none when nothing changed (an unknown id, a repeated acknowledgement): the record is then
        // written at the call's end with its true outcome, NOT_FOUND for an unknown id.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var acknowledged = await db.Reminders.Where(r => r.Id == id && r.DeliveredAtUtcTicks == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.DeliveredAtUtcTicks, clock.UtcNow.UtcTicks).SetProperty(r => r.DeliveredBy, by), cancellationToken);
            if (acknowledged > 0)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return await db.Reminders.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("reminder", id.ToString(CultureInfo.InvariantCulture), "id");
    }

    public async Task<ReminderPage> ListAsync(int year, string staffNumber, string branchCode, bool undeliveredOnly, int pageSize, string pageToken, CancellationToken cancellationToken)
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

        var rows = await reminders.OrderBy(r => r.Id).Take(page.Size + 1).ToListAsync(cancellationToken);
        var (cut, next) = KeysetPage.Cut(rows, page, r => KeysetPage.IdKey(r.Id), fingerprint);
        return new ReminderPage(cut, next);
    }
}
