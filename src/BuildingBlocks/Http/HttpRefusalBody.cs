namespace Chuangji.Workflow.BuildingBlocks.Http;

/// <summary>
/// The JSON body of every refusal over plain HTTP: <c>{"code": …, "message": …, "fields": [{"field": …, "description": …}]}</c>,
/// the gRPC status's canonical name, the same message, and the violated fields of its BadRequest details.
/// </summary>
public sealed record HttpRefusalBody(string Code, string Message, IReadOnlyList<HttpRefusalField> Fields)
{
    /// <summary>A refusal that names no field.</summary>
    public static HttpRefusalBody Of(string code, string message) => new(code, message, []);
}

/// <summary>A field a refused request got wrong, and the rule it broke.</summary>
public sealed record HttpRefusalField(string Field, string Description);
