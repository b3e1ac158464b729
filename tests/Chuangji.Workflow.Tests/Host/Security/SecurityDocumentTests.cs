using Chuangji.Workflow.Host.Security;
using Google.Protobuf.Reflection;

namespace Chuangji.Workflow.Tests.Host.Security;

public sealed class SecurityDocumentTests
{
    public static IEnumerable<MethodDescriptor> EveryRpc() =>
        new[]
        {
            Chuangji.Members.V1.MembersReflection.Descriptor,
            Chuangji.Assessment.V1.AssessmentReflection.Descriptor,
            Chuangji.Workflow.V1.WorkflowReflection.Descriptor,
            Chuangji.Workflow.V1.RemindersReflection.Descriptor,
            Chuangji.Workflow.V1.ChecksReflection.Descriptor,
            Chuangji.Audit.V1.AuditReflection.Descriptor,
            Chuangji.Documents.V1.DocumentsReflection.Descriptor,
            Chuangji.Access.V1.AccessReflection.Descriptor,
        }.SelectMany(file => file.Services).SelectMany(service => service.Methods);

    [Fact]
    public void EveryRpcOfEveryService_HasAPolicy_AndNothingElseHasOne()
    {
        var rpcs = EveryRpc().Select(m => $"/{m.Service.FullName}/{m.Name}").ToList();

        RpcPolicies.ByMethod.Keys.Should().BeEquivalentTo(rpcs, "every RPC needs an explicit policy (the default denies), and a policy names an RPC that exists");
    }

    [Fact]
    public void DocsSecurityMd_HasTheTableOfThePolicies()
    {
        var rendered = SecurityTable.Section(SecurityTable.Render());
        if (Environment.GetEnvironmentVariable("CHUANGJI_WRITE_SECURITY_TABLE") == "1")
        {
            var text = File.ReadAllText(SecurityTable.DocumentPath);
            var start = text.IndexOf(SecurityTable.Begin, StringComparison.Ordinal);
            var end = text.IndexOf(SecurityTable.End, StringComparison.Ordinal) + SecurityTable.End.Length;
            File.WriteAllText(SecurityTable.DocumentPath, text[..start] + rendered + text[end..]);
        }

        File.ReadAllText(SecurityTable.DocumentPath).Replace("\r\n", "\n", StringComparison.Ordinal).Should().Contain(rendered,
            "docs/security.md must show the policies as the code has them (rewrite with CHUANGJI_WRITE_SECURITY_TABLE=1)");
    }
}
