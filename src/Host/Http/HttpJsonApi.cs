using Chuangji.Workflow.BuildingBlocks.Http;
using Grpc.AspNetCore.Server;
using Microsoft.OpenApi.Models;

namespace Chuangji.Workflow.Host.Http;

/// <summary>
/// Every RPC over HTTP/JSON on its <c>google.api.http</c> route (gRPC JSON transcoding), and the OpenAPI document that
/// lists them at <c>/openapi/v1.json</c>. A transcoded call is the same gRPC call: the same interceptors check the
/// token's role against the RPC's policy, write the audit record and map refusals; over HTTP a refusal is
/// <c>google.rpc.Status</c> JSON with its details (ADR 20).
/// </summary>
internal static class HttpJsonApi
{
    public const string DocumentName = "v1";

    public const string DocumentRoute = "/openapi/{documentName}.json";

    public static IGrpcServerBuilder AddHttpJsonApi(this IGrpcServerBuilder grpc)
    {
        grpc.AddJsonTranscoding(transcoding =>
        {
            transcoding.TypeRegistry = RpcStatusJson.Details;
            // As protobuf's JSON mapping (and buf curl) writes them: a 64-bit id as a string, which JavaScript keeps exact.
            transcoding.JsonSettings.WriteInt64sAsStrings = true;
        });
        grpc.Services.AddGrpcSwagger();
        grpc.Services.AddSwaggerGen(openApi =>
        {
            openApi.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Chuangji.Workflow",
                Version = DocumentName,
                Description = "“先锋创绩” over HTTP/JSON: every RPC of the gRPC services on its google.api.http route, with the same bearer tokens, policies and audit.",
            });
            openApi.CustomOperationIds(OperationId);
            // Two modules may name a message or enum alike (MemberCategory): the schema is named by its namespace too.
            openApi.CustomSchemaIds(type => (type.FullName ?? type.Name).Replace('+', '.'));
            foreach (var comments in Directory.EnumerateFiles(AppContext.BaseDirectory, "Chuangji.Workflow.*.xml"))
            {
                openApi.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }

            openApi.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The token the `token` command prints (docs/security.md).",
            });
            openApi.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
        });
        return grpc;
    }

    public static WebApplication MapHttpJsonApi(this WebApplication app)
    {
        app.MapSwagger(DocumentRoute).AllowAnonymous();
        return app;
    }

    /// <summary>Whether a path is one of the transcoded RPCs' routes (all of them start with the API's version).</summary>
    public static bool IsRoute(PathString path) => path.StartsWithSegments("/v1", StringComparison.Ordinal);

    /// <summary>The RPC an operation stands for, as <c>MembersService_GetMember</c>: unique across the services, and a name a generated client can use.</summary>
    private static string? OperationId(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription api) =>
        api.ActionDescriptor.EndpointMetadata.OfType<GrpcMethodMetadata>().FirstOrDefault() is { } grpc
            ? $"{grpc.Method.ServiceName[(grpc.Method.ServiceName.LastIndexOf('.') + 1)..]}_{grpc.Method.Name}"
            : null;
}
