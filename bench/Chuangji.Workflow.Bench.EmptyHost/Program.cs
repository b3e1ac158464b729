using Microsoft.Extensions.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGrpc();
// One check, as the service has one (its database's): with none, the health service never answers SERVING.
builder.Services.AddGrpcHealthChecks().AddCheck("ready", () => HealthCheckResult.Healthy());
var app = builder.Build();
app.MapGrpcHealthChecksService();
app.Run();
