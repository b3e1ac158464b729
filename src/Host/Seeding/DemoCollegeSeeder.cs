using System.Text.Json;
using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.Members.Contracts;

namespace Chuangji.Workflow.Host.Seeding;

/// <summary>Loads the demo college through the modules' own rules, so loading it twice changes nothing.</summary>
internal sealed partial class DemoCollegeSeeder(IServiceScopeFactory scopes, SeedDirectory seeds, ILogger<DemoCollegeSeeder> logger) : IHostedService
{
    public const string FileName = "demo-college.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = seeds.FileNamed(FileName);
        await using var file = File.OpenRead(path);
        var college = await JsonSerializer.DeserializeAsync<DemoCollege>(file, Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} is empty");

        await using var scope = scopes.CreateAsyncScope();
        var members = scope.ServiceProvider.GetRequiredService<IMembersModule>();
        var branchesCreated = 0;
        foreach (var branch in college.Branches)
        {
            var record = new BranchRecord(branch.Code, branch.Name, branch.SecretaryName, branch.SecretaryStaffNumber);
            branchesCreated += await members.EnsureBranchAsync(record, cancellationToken) ? 1 : 0;
        }

        var roster = college.Members.Select(m => new MemberRecord(
            m.StaffNumber, m.Name, m.BranchCode, ParseCategory(m.Category), m.JoinedPartyOn, m.Specialty)).ToList();
        var summary = await members.ImportMembersAsync(roster, cancellationToken);
        if (summary.Rejections.Count > 0)
        {
            throw new InvalidDataException($"{path} has rows the Members module refuses: {string.Join("; ", summary.Rejections)}");
        }

        LogSeeded(logger, branchesCreated, summary.Created, summary.Unchanged);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static MemberCategoryCode ParseCategory(string category) => category switch
    {
        "IN_SERVICE" => MemberCategoryCode.InService,
        "RETIRED" => MemberCategoryCode.Retired,
        _ => throw new InvalidDataException($"{FileName}: category '{category}' is neither IN_SERVICE nor RETIRED"),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo college loaded: {BranchesCreated} branches and {MembersCreated} members created, {MembersUnchanged} members already there")]
    private static partial void LogSeeded(ILogger logger, int branchesCreated, int membersCreated, int membersUnchanged);
}
