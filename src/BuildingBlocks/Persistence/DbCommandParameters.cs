using System.Data.Common;

namespace Chuangji.Workflow.BuildingBlocks.Persistence;

/// <summary>Named parameters for the raw-SQL paths (ADR 11), null as SQL NULL.</summary>
public static class DbCommandParameters
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
