using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Members.Domain;

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
#pragma warning restore CA1812
