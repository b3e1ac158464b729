using System.Globalization;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Google.Protobuf.WellKnownTypes;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>Dates and moments as the college reads them: in its own time zone, "2026年12月18日 08:00".</summary>
internal sealed class ChineseDates(CollegeClock clock)
{
    public string Moment(DateTimeOffset moment) => Local(moment).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public string Moment(Timestamp? moment) => moment is null ? string.Empty : Moment(moment.ToDateTimeOffset());

    /// <summary>An ISO day (YYYY-MM-DD) as "2026年3月12日"; anything else as it is.</summary>
    public static string Day(string isoDay) =>
        IsoDate.TryParse(isoDay, out var day)
            ? day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : isoDay;

    private DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, clock.Zone).DateTime;
}
