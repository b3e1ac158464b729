using Chuangji.Workflow.Assessment;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Members;
using Chuangji.Workflow.Workflow;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = HostArguments.Normalize(args),
    // appsettings.json ships beside the binaries; the working directory is wherever the operator stands.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddPlatform();
builder.Services.AddMembersModule();
builder.Services.AddAssessmentModule();
builder.Services.AddWorkflowModule();

var app = builder.Build();
app.MapMembersModule();
app.MapAssessmentModule();
app.MapWorkflowModule();
app.MapPlatform();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
