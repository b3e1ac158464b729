using Chuangji.Workflow.Host.Hosting;

namespace Chuangji.Workflow.Tests.Host;

public sealed class HostArgumentsTests
{
    [Theory]
    [InlineData("--Chuangji:DataDirectory=/tmp/walk", true)]
    [InlineData("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:5181", true)]
    [InlineData("--role", false)]
    [InlineData("leadership", false)]
    [InlineData("--expires", false)]
    [InlineData("--member=T1002", false)]
    public void IsSetting_TellsASettingFromACommandsOwnFlag(string arg, bool setting) =>
        HostArguments.IsSetting(arg).Should().Be(setting);
}
