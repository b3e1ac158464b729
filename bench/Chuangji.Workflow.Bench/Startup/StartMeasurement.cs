namespace Chuangji.Workflow.Bench.Startup;

/// <summary>One start: wall time to SERVING, the process's CPU by then, and the database's own figure where it logs one.</summary>
internal sealed record StartMeasurement(double ServingMs, double CpuMs, double? DatabaseReadyMs);
