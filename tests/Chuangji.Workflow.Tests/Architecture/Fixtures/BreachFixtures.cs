using Chuangji.Workflow.Modules.Assessment.Contracts;
using Chuangji.Workflow.Modules.Assessment.Grpc;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Members.Domain;
using AssessmentV1 = Chuangji.Assessment.V1;
using MembersV1 = Chuangji.Members.V1;

namespace Chuangji.Workflow.Tests.Architecture.Fixtures;

#pragma warning disable CA1812 // Never instantiated: these types exist only to be found by the rules.
internal class UnsealedInternalClass;

internal sealed class UsesMembersInternals
{
    public static object Category => MemberCategory.Retired;
}

internal sealed class UsesMembersContracts
{
    public static object Category => MemberCategoryCode.Retired;
}

/// <summary>Reads the Members module's published v1 message: allowed (ADR 16).</summary>
internal sealed class UsesMembersPublishedLanguage
{
    public static object Branch => new MembersV1.Branch { Code = "B01" };
}

/// <summary>What a document may do: read the Assessment contract and the v1 scorecard it returns.</summary>
internal sealed class ReadsAssessmentRecords(IAssessmentRecords records)
{
    public IAsyncEnumerable<AssessmentV1.Scorecard> Scorecards(int year) => records.ScorecardsAsync(year, null, DateTimeOffset.UnixEpoch, CancellationToken.None);
}

/// <summary>
/// Reads the v1 scorecard too, but formats its figures with the Assessment module's own mapping helper: an internal
/// type, still forbidden however close to the published language it sits.
/// </summary>
internal sealed class UsesAssessmentMappingBesideTheMessages
{
    public static string Total(AssessmentV1.Scorecard scorecard) => DecimalText.Format(decimal.Parse(scorecard.TotalScore, System.Globalization.CultureInfo.InvariantCulture));
}
#pragma warning restore CA1812
