using System.Text.Json;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Chuangji.Workflow.BuildingBlocks.Seeding;
using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Host.Seeding;

/// <summary>
/// Loads the demo college through the modules' own rules, so loading it twice changes nothing.
/// Data already stored wins: a demo row that conflicts with it is skipped with a warning, and the service starts.
/// </summary>
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
            try
            {
                branchesCreated += await members.EnsureBranchAsync(record, cancellationToken) ? 1 : 0;
            }
            catch (DomainException refusal)
            {
                LogKept(logger, refusal.Message);
            }
        }

        var roster = college.Members.Select(m => new MemberRecord(
            m.StaffNumber, m.Name, m.BranchCode, ParseCategory(m.Category), m.JoinedPartyOn, m.Specialty)).ToList();
        var summary = await members.ImportMembersAsync(roster, cancellationToken);
        foreach (var rejection in summary.Rejections)
        {
            LogKept(logger, rejection);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo college row skipped, the stored data is kept: {Reason}")]
    private static partial void LogKept(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo college loaded: {BranchesCreated} branches and {MembersCreated} members created, {MembersUnchanged} members already there")]
    private static partial void LogSeeded(ILogger logger, int branchesCreated, int membersCreated, int membersUnchanged);
}
