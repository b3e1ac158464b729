namespace Chuangji.Workflow.Modules.Members.Domain;

internal sealed class Branch
{
    private Branch()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string SecretaryName { get; private set; } = string.Empty;

    public string SecretaryStaffNumber { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public long CreatedAtUtcTicks { get; private set; }

    public long UpdatedAtUtcTicks { get; private set; }

    public static Branch Create(BranchData data, DateTimeOffset now) => new()
    {
        Code = data.Code,
        Name = data.Name,
        SecretaryName = data.SecretaryName,
        SecretaryStaffNumber = data.SecretaryStaffNumber,
        Version = 1,
        CreatedAtUtcTicks = now.UtcTicks,
        UpdatedAtUtcTicks = now.UtcTicks,
    };

    public BranchData Data => new(Code, Name, SecretaryName, SecretaryStaffNumber);

    /// <summary>Applies the new data; returns false, and bumps nothing, when nothing changes.</summary>
    public bool Change(BranchData data, DateTimeOffset now)
    {
        if (data == Data)
        {
            return false;
        }

        Name = data.Name;
        SecretaryName = data.SecretaryName;
        SecretaryStaffNumber = data.SecretaryStaffNumber;
        Version++;
        UpdatedAtUtcTicks = now.UtcTicks;
        return true;
    }
}
