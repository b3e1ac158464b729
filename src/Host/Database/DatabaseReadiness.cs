namespace Chuangji.Workflow.Host.Database;

/// <summary>Set once every module's schema is migrated; the health service reports SERVING only then.</summary>
internal sealed class DatabaseReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
