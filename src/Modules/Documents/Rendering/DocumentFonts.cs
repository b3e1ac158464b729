using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Chuangji.Workflow.BuildingBlocks.Errors;
using Microsoft.Extensions.Options;
using PdfSharp.Fonts;

namespace Chuangji.Workflow.Modules.Documents.Rendering;

/// <summary>The settings under "Chuangji:Documents".</summary>
internal sealed class DocumentFontOptions
{
    public const string Section = "Chuangji:Documents";

    /// <summary>
    /// A TrueType font file (.ttf with glyf outlines, not a .ttc collection, not CFF/.otf) that has Chinese glyphs,
    /// used for PDFs. Unset: the usual places of Droid Sans Fallback (Debian's fonts-droid-fallback) and SimHei are tried.
    /// </summary>
    public string? FontFile { get; set; }

    /// <summary>
    /// A TrueType font for the Latin letters and figures the Chinese font lacks (Droid Sans Fallback has none).
    /// Unset: DejaVu Sans (Debian's fonts-dejavu-core), Liberation Sans and Arial are tried.
    /// </summary>
    public string? LatinFontFile { get; set; }
}

/// <summary>A font file PDFsharp can embed, registered under <see cref="Family"/>, and the characters it has glyphs for.</summary>
internal sealed class FontFace(string family, string path, Func<int, bool> covers)
{
    public string Family { get; } = family;

    public string Path { get; } = path;

    public bool Covers(int codePoint) => covers(codePoint);
}

/// <summary>The fonts the PDFs are set in: the Chinese font, and a Latin one for what it lacks (null when it lacks nothing).</summary>
internal sealed record PdfFontSet(FontFace Cjk, FontFace? Latin)
{
    public bool UsesLatin(int codePoint) => Latin is not null && !Cjk.Covers(codePoint) && Latin.Covers(codePoint);
}

/// <summary>
/// Finds the fonts the PDFs are set in. PDFsharp 6.2 embeds only single TrueType fonts with glyf outlines: it
/// cannot read a collection (.ttc) nor CFF outlines, which is what Noto Sans CJK ships as, so every candidate is
/// checked for that and for a glyph of "中" before PDFsharp sees it, and a font that would fail half-way through a
/// document is refused up front with the reason. PDFsharp does no glyph fallback either: a character the font
/// lacks is drawn as nothing, which is why figures need a Latin font beside Droid Sans Fallback.
/// </summary>
internal sealed class CjkFontLocator
{
    internal const string Package = "fonts-droid-fallback";

    internal const string LatinPackage = "fonts-dejavu-core";

    private const string Figures = "0123456789.-%ABCXYZabcxyz";

    internal static readonly IReadOnlyList<string> DefaultCandidates =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
        "/usr/share/fonts/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
        @"C:\Windows\Fonts\simhei.ttf",
    ];

    internal static readonly IReadOnlyList<string> DefaultLatinCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    private readonly string? configured;
    private readonly IReadOnlyList<string> candidates;
    private readonly string? configuredLatin;
    private readonly IReadOnlyList<string> latinCandidates;
    private PdfFontSet? found;

    public CjkFontLocator(IOptions<DocumentFontOptions> options)
        : this(options.Value.FontFile, DefaultCandidates, options.Value.LatinFontFile, DefaultLatinCandidates)
    {
    }

    internal CjkFontLocator(string? configuredFile, IReadOnlyList<string> candidates, string? configuredLatinFile = null, IReadOnlyList<string>? latinCandidates = null)
    {
        configured = string.IsNullOrWhiteSpace(configuredFile) ? null : configuredFile;
        this.candidates = candidates;
        configuredLatin = string.IsNullOrWhiteSpace(configuredLatinFile) ? null : configuredLatinFile;
        this.latinCandidates = latinCandidates ?? DefaultLatinCandidates;
    }

    /// <summary>The fonts, or <see cref="FailedPreconditionException"/> naming what to install or configure.</summary>
    public PdfFontSet Locate()
    {
        if (Volatile.Read(ref found) is { } set)
        {
            return set;
        }

        var cjk = Find(configured, candidates, "中", "CJK", out var refusals)
            ?? throw Refusal(
                "without a Chinese font",
                [$"apt-get install {Package}", $"set {DocumentFontOptions.Section}:FontFile to a TrueType .ttf with Chinese glyphs"],
                $"no usable TrueType font with Chinese glyphs ({Tried(refusals)})");

        FontFace? latin = null;
        if (!Figures.All(c => cjk.Covers(c)))
        {
            latin = Find(configuredLatin, latinCandidates, Figures, "Latin", out refusals)
                ?? throw Refusal(
                    "without a font for figures",
                    [$"apt-get install {LatinPackage}", $"set {DocumentFontOptions.Section}:LatinFontFile to a TrueType .ttf with Latin letters and digits"],
                    $"{cjk.Path} has no Latin letters or digits and no TrueType font has them ({Tried(refusals)})");
        }

        set = new PdfFontSet(cjk, latin);
        Volatile.Write(ref found, set);
        return set;
    }

    /// <summary>Null when PDFsharp can embed the file and it has glyphs for all of <paramref name="required"/>; otherwise why not.</summary>
    internal static string? Check(string path, string required, out byte[]? bytes, out Func<int, bool>? covers)
    {
        bytes = null;
        covers = null;
        if (!File.Exists(path))
        {
            return "not found";
        }

        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "cannot be read";
        }

        if (data.Length < 12)
        {
            return "not a font";
        }

        var tag = Encoding.ASCII.GetString(data, 0, 4);
        if (tag == "ttcf")
        {
            return "a font collection (.ttc), which PDFsharp cannot embed";
        }

        if (tag == "OTTO")
        {
            return "CFF outlines (OpenType/CFF), which PDFsharp cannot embed; a TrueType (glyf) font is needed";
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(data) != 0x00010000 && tag != "true")
        {
            return "not a TrueType font";
        }

        var tables = Tables(data);
        if (tables is null)
        {
            return "a damaged font";
        }

        foreach (var table in new[] { "glyf", "loca", "cmap", "head", "hhea", "hmtx", "maxp" })
        {
            if (!tables.ContainsKey(table))
            {
                return $"has no '{table}' table";
            }
        }

        var coverage = Coverage(data, tables["cmap"]);
        if (coverage is null)
        {
            return "has no Unicode character map";
        }

        if (!required.All(c => coverage(c)))
        {
            return required.Any(c => c > 0x2E80) ? "has no Chinese glyphs" : "has no Latin letters or digits";
        }

        bytes = data;
        covers = coverage;
        return null;
    }

    private static FontFace? Find(string? configuredFile, IReadOnlyList<string> paths, string required, string role, out List<string> refusals)
    {
        refusals = [];
        foreach (var path in configuredFile is null ? paths : [configuredFile])
        {
            var refusal = Check(path, required, out var bytes, out var covers);
            if (refusal is null)
            {
                var family = $"Chuangji {role} " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..12];
                ProcessFontResolver.Register(family, bytes!);
                return new FontFace(family, path, covers!);
            }

            if (configuredFile is not null || File.Exists(path))
            {
                refusals.Add($"{path}: {refusal}");
            }
        }

        return null;
    }

    private static string Tried(List<string> refusals) => refusals.Count == 0 ? "none of the usual places has one" : string.Join("; ", refusals);

    private static FailedPreconditionException Refusal(string state, IReadOnlyList<string> permitted, string reason) =>
        new("PDF rendering", state, permitted, $"{reason}; XLSX and HTML are unaffected");

    private static Dictionary<string, (int Offset, int Length)>? Tables(byte[] data)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
        if (12 + (count * 16) > data.Length)
        {
            return null;
        }

        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (i * 16);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 8));
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 12));
            if (offset + (long)length > data.Length)
            {
                return null;
            }

            tables[Encoding.ASCII.GetString(data, record, 4)] = ((int)offset, (int)length);
        }

        return tables;
    }

    /// <summary>Which code points the font maps to a glyph, from its Unicode cmap subtable (format 12 preferred, else 4).</summary>
    private static Func<int, bool>? Coverage(byte[] data, (int Offset, int Length) cmap)
    {
        try
        {
            var table = data.AsSpan(cmap.Offset, cmap.Length);
            var count = BinaryPrimitives.ReadUInt16BigEndian(table[2..]);
            int? format4 = null;
            for (var i = 0; i < count; i++)
            {
                var platform = BinaryPrimitives.ReadUInt16BigEndian(table[(4 + (i * 8))..]);
                var encoding = BinaryPrimitives.ReadUInt16BigEndian(table[(6 + (i * 8))..]);
                if (!(platform == 0 || (platform == 3 && encoding is 1 or 10)))
                {
                    continue;
                }

                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(table[(8 + (i * 8))..]);
                var format = BinaryPrimitives.ReadUInt16BigEndian(table[offset..]);
                if (format == 12)
                {
                    return Format12(table[offset..]);
                }

                if (format == 4)
                {
                    format4 ??= offset;
                }
            }

            return format4 is { } at ? Format4(table[at..]) : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static Func<int, bool> Format4(ReadOnlySpan<byte> sub)
    {
        var covered = new bool[0x10000];
        var segments = BinaryPrimitives.ReadUInt16BigEndian(sub[6..]) / 2;
        var ends = 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var ranges = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            var end = BinaryPrimitives.ReadUInt16BigEndian(sub[(ends + (s * 2))..]);
            var start = BinaryPrimitives.ReadUInt16BigEndian(sub[(starts + (s * 2))..]);
            var delta = BinaryPrimitives.ReadUInt16BigEndian(sub[(deltas + (s * 2))..]);
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(sub[(ranges + (s * 2))..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                var glyph = rangeOffset == 0
                    ? (ushort)(c + delta)
                    : BinaryPrimitives.ReadUInt16BigEndian(sub[(ranges + (s * 2) + rangeOffset + ((c - start) * 2))..]);
                covered[c] = glyph != 0;
            }
        }

        return c => c is >= 0 and < 0x10000 && covered[c];
    }

    private static Func<int, bool> Format12(ReadOnlySpan<byte> sub)
    {
        var covered = new bool[0x10000];
        var astral = new List<(uint Start, uint End)>();
        var groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = sub[(16 + (g * 12))..];
            var start = BinaryPrimitives.ReadUInt32BigEndian(group);
            var end = BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
            for (var c = start; c <= end && c < 0x10000; c++)
            {
                covered[c] = true;
            }

            if (end >= 0x10000)
            {
                astral.Add((Math.Max(start, 0x10000), end));
            }
        }

        return c => c is >= 0 and < 0x10000 ? covered[c] : astral.Any(g => c >= g.Start && c <= g.End);
    }
}

/// <summary>
/// PDFsharp's font resolver is process-global and may be set only once, before any font is used, so one resolver
/// is installed for the process and serves every font the locators register, each under its own family name.
/// </summary>
internal sealed class ProcessFontResolver : IFontResolver
{
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static readonly ProcessFontResolver Instance = new();
    private static bool installed;

    private ProcessFontResolver()
    {
    }

    public static void Register(string family, byte[] bytes)
    {
        Faces.TryAdd(family, bytes);
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is null or ProcessFontResolver)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FallbackFontResolver is null or ProcessFontResolver)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
            }

            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, isBold, isItalic) : null;

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var bytes) ? bytes : null;
}
