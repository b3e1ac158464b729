namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>The member categories the scoring table tells apart; in the seed as "IN_SERVICE" and "RETIRED".</summary>
internal enum MemberCategory
{
    InService = 1,
    Retired = 2,
}
