using System.Globalization;
using System.Text;
using System.Text.Json;
using Chuangji.Workflow.Modules.Assessment.Contracts;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// The standing a scorecard stored as JSON (the v1 <c>Scorecard</c> in protobuf's JSON form, as a determination
/// freezes it) states: its top-level figures read as they stream past, the lines skipped. A frozen scorecard of
/// every member is read for a college overview at year end; parsing each into a message would cost several times more.
/// </summary>
internal static class ScorecardJsonStanding
{
    public static ScoreStanding Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        string staffNumber = string.Empty, name = string.Empty, branchCode = string.Empty, total = "0", suggested = string.Empty;
        var vetoed = false;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "staffNumber": staffNumber = reader.GetString() ?? string.Empty; break;
                case "name": name = reader.GetString() ?? string.Empty; break;
                case "branchCode": branchCode = reader.GetString() ?? string.Empty; break;
                case "totalScore": total = reader.GetString() ?? "0"; break;
                case "suggestedRatingName": suggested = reader.GetString() ?? string.Empty; break;
                case "veto": vetoed = reader.TokenType == JsonTokenType.StartObject; reader.Skip(); break;
                default: reader.Skip(); break;
            }
        }

        return new ScoreStanding(staffNumber, name, branchCode, decimal.Parse(total, CultureInfo.InvariantCulture), total, vetoed, suggested);
    }
}
