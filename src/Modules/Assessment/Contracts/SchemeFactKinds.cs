namespace Chuangji.Workflow.Modules.Assessment.Contracts;

/// <summary>Fact kinds the scheme itself records, not a branch or a campus system.</summary>
public static class SchemeFactKinds
{
    /// <summary>未进行承诺: recorded when the commitment phase closes on a member without a commitment.</summary>
    public const string NoCommitment = "NO_COMMITMENT";
}
