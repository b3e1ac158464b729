using System.Security.Cryptography;
using Chuangji.Workflow.Host.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// The key tokens are signed with: from configuration (Chuangji:Auth:SigningKey), or else a development key
/// generated at first start and kept in the data directory, outside the repository, readable by its owner only.
/// </summary>
internal static class SigningKeys
{
    public const string DevelopmentKeyFile = "dev-signing-key";

    private const int KeyBytes = 32;

    public static SymmetricSecurityKey Resolve(PlatformOptions options)
    {
        var configured = options.Auth.SigningKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new SymmetricSecurityKey(Decode(configured, "Chuangji:Auth:SigningKey"));
        }

        var directory = options.ResolveDataDirectory();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            CreateOnce(path);
        }

        return new SymmetricSecurityKey(Decode(File.ReadAllText(path).Trim(), path));
    }

    /// <summary>
    /// Written whole to a private temporary file and moved into place: the service and the token command
    /// starting together never see half a key, and the first to move wins (the other reads the winner's).
    /// </summary>
    private static void CreateOnce(string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, create))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"the signing key in {source} is not base64");
        }

        return key.Length >= KeyBytes
            ? key
            : throw new InvalidOperationException($"the signing key in {source} has {key.Length} bytes; HS256 wants at least {KeyBytes}");
    }
}
