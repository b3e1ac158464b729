using Chuangji.Workflow.Assessment;
using Chuangji.Workflow.Host.Hosting;
using Chuangji.Workflow.Members;
using Chuangji.Workflow.Workflow;

var builder = WebApplication.CreateBuilder(HostArguments.Normalize(args));
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
