using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Host.Security;
using Chuangji.Workflow.Modules.Assessment;
using Chuangji.Workflow.Modules.Documents;
using Chuangji.Workflow.Modules.Members;
using Chuangji.Workflow.Modules.Workflow;

var command = TokenCommand.IsInvoked(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    // The token command's flags are its own; settings (--Section:Key=value) configure it as they do the service.
    Args = command ? args.Where(HostArguments.IsSetting).ToArray() : HostArguments.Normalize(args),
    // appsettings.json ships beside the binaries; the working directory is wherever the operator stands.
    ContentRootPath = AppContext.BaseDirectory,
});
if (command)
{
    return TokenCommand.Run(args.Where(arg => !HostArguments.IsSetting(arg)).ToArray(), builder.Configuration, builder.Environment, Console.Out, Console.Error);
}

builder.AddPlatform();
builder.Services.AddMembersModule();
builder.Services.AddAssessmentModule();
builder.Services.AddWorkflowModule();
builder.Services.AddDocumentsModule();

var app = builder.Build();
app.BeginDatabaseStartup();
app.MapMembersModule();
app.MapAssessmentModule();
app.MapWorkflowModule();
app.MapDocumentsModule();
app.MapPlatform();
app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
