using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Bench.Seeding;

internal sealed record PlannedBranch(string Code, string Name, string SecretaryName, string SecretaryStaffNumber)
{
    public BranchRecord ToRecord() => new(Code, Name, SecretaryName, SecretaryStaffNumber);
}

internal sealed record PlannedMember(
    int Index, string StaffNumber, string Name, PlannedBranch Branch, MemberCategoryCode Category, DateOnly JoinedPartyOn, string Specialty)
{
    public MemberRecord ToRecord() => new(StaffNumber, Name, Branch.Code, Category, JoinedPartyOn, Specialty);
}

/// <summary>
/// A college roster: branches of equal size, each member in service or retired with even odds,
/// Chinese names, party dates that fit the category, the branch's first member as its secretary.
/// </summary>
internal sealed class Roster
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private const string GivenNames = "伟芳娜秀英敏静丽强磊军洋勇艳杰涛明超华建国红平刚桂兰玉珍文辉志海燕春梅晓东";
    private static readonly string[] Specialties = ["高等数学", "思想政治教育", "计算机应用", "会计学", "汉语言文学", "英语", "机械工程", "护理学", "学前教育", "法学"];

    private Roster(IReadOnlyList<PlannedBranch> branches, IReadOnlyList<PlannedMember> members)
    {
        Branches = branches;
        Members = members;
    }

    public IReadOnlyList<PlannedBranch> Branches { get; }

    public IReadOnlyList<PlannedMember> Members { get; }

    public static Roster Generate(int members, int perBranch, int seed)
    {
        var random = new Random(seed);
        var people = Enumerable.Range(0, members).Select(i => Person(random, i)).ToArray();
        var branches = Enumerable.Range(0, (members + perBranch - 1) / perBranch)
            .Select(b => new PlannedBranch($"B{b + 1:D4}", $"第{b + 1}党支部", people[b * perBranch].Name, people[b * perBranch].StaffNumber))
            .ToArray();
        var planned = people
            .Select((p, i) => new PlannedMember(i, p.StaffNumber, p.Name, branches[i / perBranch], p.Category, p.JoinedPartyOn, p.Specialty))
            .ToArray();
        return new Roster(branches, planned);
    }

    private static (string StaffNumber, string Name, MemberCategoryCode Category, DateOnly JoinedPartyOn, string Specialty) Person(Random random, int index)
    {
        var inService = random.Next(2) == 0;
        var name = $"{Surnames[random.Next(Surnames.Length)]}{GivenNames[random.Next(GivenNames.Length)]}"
            + (random.Next(3) == 0 ? string.Empty : GivenNames[random.Next(GivenNames.Length)].ToString());
        var joined = inService
            ? new DateOnly(1990, 1, 1).AddDays(random.Next(35 * 365))
            : new DateOnly(1956, 1, 1).AddDays(random.Next(40 * 365));
        var specialty = inService || random.Next(4) == 0 ? Specialties[random.Next(Specialties.Length)] : string.Empty;
        return ($"{(inService ? 'T' : 'R')}{index + 1:D6}", name, inService ? MemberCategoryCode.InService : MemberCategoryCode.Retired, joined, specialty);
    }
}
