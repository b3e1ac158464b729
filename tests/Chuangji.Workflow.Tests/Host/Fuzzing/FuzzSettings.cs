using System.Globalization;

namespace Chuangji.Workflow.Tests.Host.Fuzzing;

/// <summary>
/// How much to fuzz: a bounded run in CI by default; more with CHUANGJI_FUZZ_REQUESTS (the README's longer
/// run), another sequence with CHUANGJI_FUZZ_SEED. The same seed and count send the same requests.
/// </summary>
internal sealed record FuzzSettings(int Requests, int MalformedBodies, int Seed)
{
    public const int DefaultRequests = 3_000;

    public const int DefaultSeed = 20_261_125;

    public static FuzzSettings FromEnvironment()
    {
        var requests = Number("CHUANGJI_FUZZ_REQUESTS") ?? DefaultRequests;
        return new FuzzSettings(requests, Math.Max(300, requests / 10), Number("CHUANGJI_FUZZ_SEED") ?? DefaultSeed);
    }

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
