using Chuangji.Workflow.Host.Security;
using Google.Protobuf.Reflection;

namespace Chuangji.Workflow.Tests.Host.Security;

/// <summary>
/// The policy table names, for each RPC, where in its request the member or branch it is about stands (a field
/// path). A path that names no field of the contract would make "own" unreadable and refuse every secretary:
/// each one is checked here against the request's descriptor, kind by kind.
/// </summary>
public sealed class RpcTargetPathsTests
{
    public static TheoryData<string> TargetedRpcs()
    {
        var data = new TheoryData<string>();
        foreach (var (method, policy) in RpcPolicies.ByMethod.Where(p => p.Value.Target.Kind != TargetKind.None).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Add(method);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TargetedRpcs))]
    public void ThePolicysTarget_NamesFieldsOfTheRequest(string method)
    {
        var target = RpcPolicies.ByMethod[method].Target;
        var request = SecurityDocumentTests.EveryRpc().Single(m => $"/{m.Service.FullName}/{m.Name}" == method).InputType;

        switch (target.Kind)
        {
            case TargetKind.Branch or TargetKind.Member:
                Field(request, target.Path).FieldType.Should().Be(FieldType.String);
                break;
            case TargetKind.Fact or TargetKind.CheckReport:
                Field(request, target.Path).FieldType.Should().Be(FieldType.Int64);
                break;
            case TargetKind.MemberOrBranch:
                Field(request, target.Path).FieldType.Should().Be(FieldType.String);
                Field(request, target.Second).FieldType.Should().Be(FieldType.String);
                break;
            case TargetKind.BranchRows or TargetKind.MemberRows:
                var rows = Field(request, target.Path);
                rows.IsRepeated.Should().BeTrue($"{target.Path} holds the rows");
                Field(rows.MessageType, target.Second).FieldType.Should().Be(FieldType.String);
                break;
            case TargetKind.Registrations:
                var registrations = Field(request, target.Path).MessageType;
                Field(registrations, "staff_number").FieldType.Should().Be(FieldType.String);
                Field(registrations, "branch_code").FieldType.Should().Be(FieldType.String);
                break;
            default:
                throw new InvalidOperationException($"{target.Kind} has no check yet: add one");
        }
    }

    private static FieldDescriptor Field(MessageDescriptor message, string path)
    {
        var names = path.Split('.');
        FieldDescriptor? field = null;
        foreach (var name in names)
        {
            field = message.FindFieldByName(name);
            field.Should().NotBeNull($"{message.FullName} has a field {name} (path {path})");
            message = field!.FieldType == FieldType.Message ? field.MessageType : message;
        }

        return field!;
    }
}
