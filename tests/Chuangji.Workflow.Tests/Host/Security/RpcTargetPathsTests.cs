using Chuangji.Assessment.V1;
using Chuangji.Workflow.Host.Security;
using Google.Protobuf.Reflection;

namespace Chuangji.Workflow.Tests.Host.Security;

/// <summary>
/// The policy table selects, for each RPC, where in its request the member or branch it is about stands, with a
/// typed selector on a generated request type (a misnamed field does not compile). What the compiler cannot see
/// is checked here: the selector is on the RPC's own request type (another request would read as empty and
/// refuse every secretary), and the fields it selects (their proto path, derived from the selector) have the
/// kind's shape in the request's descriptor.
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
        target.Request.Should().Be(request.ClrType, $"{method} takes a {request.Name}, and its target is read from that");

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

    [Fact]
    public void ATargetSelector_ReadsItsRequest_AndAnUnsetMessageOnTheWayReadsAsEmpty()
    {
        var target = RpcPolicies.ByMethod["/chuangji.assessment.v1.AssessmentService/RecordEvent"].Target;

        target.Path.Should().Be("fact.staff_number");
        target.Text(new RecordEventRequest { Fact = new FactInput { StaffNumber = "T1002" } }).Should().Be("T1002");
        target.Text(new RecordEventRequest()).Should().BeEmpty("no fact names no member, and \"own\" is then refused");
        target.Text(new RecordEventsRequest()).Should().BeEmpty("another RPC's request is not this target's");
    }

    [Fact]
    public void ASelector_ThatReadsNoField_IsRefusedWhenThePolicyIsBuilt()
    {
        var act = () => Target.Member<RecordEventRequest>(r => r.Fact.ToString());

        act.Should().Throw<ArgumentException>().WithMessage("*must read fields of RecordEventRequest*");
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
