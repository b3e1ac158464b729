using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Calendars;
using Proto = Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

/// <summary>The module's calendar onto the contract; nothing else.</summary>
internal static class WorkflowMapping
{
    public static Proto.Calendar ToProto(this YearCalendar calendar)
    {
        var proto = new Proto.Calendar
        {
            Year = calendar.Year,
            TimeZone = calendar.TimeZone,
            CommitmentDue = IsoDate.Format(calendar.CommitmentDue),
            FirstHalfReportDue = IsoDate.Format(calendar.FirstHalfReportDue),
            SecondHalfReportDue = IsoDate.Format(calendar.SecondHalfReportDue),
            MassReviewCloses = IsoDate.Format(calendar.MassReviewCloses),
            PublicityDays = calendar.PublicityDays,
            DeterminationBy = IsoDate.Format(calendar.DeterminationBy),
            MaterialsDue = IsoDate.Format(calendar.MaterialsDue),
        };
        proto.QuarterlyChecks.AddRange(calendar.QuarterlyChecks.Select(IsoDate.Format));
        proto.HalfYearChecks.AddRange(calendar.HalfYearChecks.Select(IsoDate.Format));
        proto.ReminderDaysBefore.AddRange(calendar.ReminderDaysBefore);
        return proto;
    }
}
