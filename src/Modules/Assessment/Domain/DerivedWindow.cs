namespace Chuangji.Workflow.Modules.Assessment.Domain;

internal enum DerivedWindow
{
    /// <summary>Each half year (Jan-Jun, Jul-Dec) is judged on its own.</summary>
    HalfYear = 1,
    Year = 2,
}
