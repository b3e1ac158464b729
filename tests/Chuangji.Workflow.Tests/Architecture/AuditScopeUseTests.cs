using System.Reflection;
using Chuangji.Workflow.Modules.Assessment;
using Chuangji.Workflow.Modules.Assessment.Facts;
using Chuangji.Workflow.Modules.Members;
using Chuangji.Workflow.Modules.Workflow;
using Chuangji.Workflow.Tests.Host.Security;

namespace Chuangji.Workflow.Tests.Architecture;

/// <summary>
/// Modules see the call's audit record only to declare their housekeeping, and the fact writer to take it into
/// the commit it makes on its own thread: nothing else in a module begins, reads or hides the record.
/// </summary>
public sealed class AuditScopeUseTests
{
    public static TheoryData<string> Modules => new("Members", "Assessment", "Workflow");

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_UsesTheAuditScopeOnlyToDeclareHousekeeping(string module)
    {
        AuditScopeRules.UsesBeyondHousekeeping(AssemblyOf(module), typeof(FactWriter)).Should().BeEmpty();
    }

    [Fact]
    public void TheRule_WhenCodeBeginsARecordOrReadsIt_ReportsTheCaller()
    {
        // The audit tests begin records of their own on purpose.
        AuditScopeRules.UsesBeyondHousekeeping(typeof(AuditTests).Assembly)
            .Should().Contain(use => use.StartsWith(typeof(AuditTests).FullName + ".", StringComparison.Ordinal) && use.EndsWith("AuditScope.Begin", StringComparison.Ordinal));
    }

    private static Assembly AssemblyOf(string module) => module switch
    {
        "Members" => typeof(MembersModule).Assembly,
        "Assessment" => typeof(AssessmentModule).Assembly,
        _ => typeof(WorkflowModule).Assembly,
    };
}
