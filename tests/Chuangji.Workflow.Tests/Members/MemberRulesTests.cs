using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Members.Domain;
using Chuangji.Workflow.Modules.Members.Roster;

namespace Chuangji.Workflow.Tests.Members;

public sealed class MemberRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static MemberData Data(string name = "刘洋", string branch = "B01", MemberCategory category = MemberCategory.InService) =>
        new("T1002", name, branch, category, new DateOnly(2005, 7, 1), "高等数学");

    [Fact]
    public void DifferencesFrom_WhenSameData_IsEmpty()
    {
        var member = Member.Register(Data(), Today, Now);

        member.DifferencesFrom(Data(), "member.").Should().BeEmpty();
    }

    [Fact]
    public void DifferencesFrom_WhenNameAndBranchDiffer_NamesBothWithTheStoredValues()
    {
        var member = Member.Register(Data(), Today, Now);

        var differences = member.DifferencesFrom(Data(name: "刘阳", branch: "B02"), "member.");

        differences.Should().Equal(
            new FieldViolation("member.name", "registered as '刘洋', not '刘阳'"),
            new FieldViolation("member.branch_code", "registered as 'B01', not 'B02'"));
    }

    [Fact]
    public void Edit_WhenNothingChanges_KeepsTheVersion()
    {
        var member = Member.Register(Data(), Today, Now);

        var changed = member.Edit(new MemberEdit("刘洋", MemberCategory.InService, null, null, null), Now);

        changed.Should().BeFalse();
        member.Version.Should().Be(1);
    }

    [Fact]
    public void TransferTo_WhenEffectiveOnTheDayOfTheCurrentMembership_LeavesAnEmptyStretchBehind()
    {
        var member = Member.Register(Data(), Today, Now);

        member.TransferTo("B02", Today, "同日调整", Now).Should().BeTrue();

        member.History.Select(h => (h.BranchCode, h.FromDate, h.UntilDate)).Should().Equal(
            ("B01", Today, (DateOnly?)Today),
            ("B02", Today, (DateOnly?)null));
    }

    [Fact]
    public void TransferTo_WhenBeforeTheCurrentMembershipStarted_IsRefusedAndChangesNothing()
    {
        var member = Member.Register(Data(), Today, Now);

        var transfer = () => member.TransferTo("B02", Today.AddDays(-1), string.Empty, Now);

        transfer.Should().Throw<InvalidArgumentException>().Which.Violations.Single().Field.Should().Be("effective_on");
        member.BranchCode.Should().Be("B01");
        member.History.Should().ContainSingle().Which.UntilDate.Should().BeNull();
    }

    [Theory]
    [InlineData("1921-07-01", true)]
    [InlineData("1921-06-30", false)]
    [InlineData("2026-11-25", true)]
    [InlineData("2026-11-26", false)]
    [InlineData("2026-02-29", false)]
    [InlineData("2024-02-29", true)]
    public void JoinedPartyOn_IsAcceptedOnlyBetweenTheFoundingAndToday(string date, bool accepted)
    {
        var violations = new Violations();

        var result = MemberFieldRules.JoinedPartyOn(violations, "joined_party_on", date, Today);

        (result is not null).Should().Be(accepted);
        violations.Any.Should().Be(!accepted);
    }

    [Theory]
    [InlineData("T1001", true)]
    [InlineData("t-1001_a", true)]
    [InlineData("", false)]
    [InlineData("T 1001", false)]
    [InlineData("工号1", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)]
    public void Identifier_IsShortAsciiLettersDigitsDashOrUnderscore(string value, bool wellFormed)
    {
        Identifier.IsWellFormed(value).Should().Be(wellFormed);
    }
}
