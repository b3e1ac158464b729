using Chuangji.Audit.V1;
using Chuangji.Workflow.Tests.Infrastructure;
using Grpc.Core;

namespace Chuangji.Workflow.Tests.Host.Security;

public sealed class AuditFilterBoundsTests
{
    [Fact]
    public async Task ListAudit_FiltersAreBounded_AndNamedWhenBroken()
    {
        await using var service = await TestService.StartAsync();
        var audit = new AuditService.AuditServiceClient(service.Channel);

        var refusal = await audit.ListAuditAsync(new ListAuditRequest
        {
            StaffNumber = new string('x', 100_000), BranchCode = "B 01", Actor = new string('a', 65),
        }).ShouldFailWith(StatusCode.InvalidArgument);

        refusal.ViolatedFields().Should().Equal("staff_number", "branch_code", "actor");
        refusal.Status.Detail.Length.Should().BeLessThan(1_000);
    }
}
