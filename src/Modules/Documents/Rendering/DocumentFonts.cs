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
}

/// <summary>A font PDFsharp can embed, registered under <see cref="Family"/>.</summary>
internal sealed record CjkFont(string Family, string Path);

/// <summary>
/// Finds the font the PDFs are set in. PDFsharp 6.2 embeds only single TrueType fonts with glyf outlines: it
/// cannot read a collection (.ttc) nor CFF outlines, which is what Noto Sans CJK ships as, so every candidate is
/// checked for that and for a glyph of "中" before PDFsharp sees it, and a font that would fail half-way through a
/// document is refused up front with the reason.
/// </summary>
internal sealed class CjkFontLocator
{
    internal const string Package = "fonts-droid-fallback";

    internal static readonly IReadOnlyList<string> DefaultCandidates =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
        "/usr/share/fonts/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
        @"C:\Windows\Fonts\simhei.ttf",
    ];

    private readonly string? configured;
    private readonly IReadOnlyList<string> candidates;
    private CjkFont? found;

    public CjkFontLocator(IOptions<DocumentFontOptions> options)
        : this(options.Value.FontFile, DefaultCandidates)
    {
    }

    internal CjkFontLocator(string? configuredFile, IReadOnlyList<string> candidates)
    {
        configured = string.IsNullOrWhiteSpace(configuredFile) ? null : configuredFile;
        this.candidates = candidates;
    }

    /// <summary>The font, or <see cref="FailedPreconditionException"/> naming what to install or configure.</summary>
    public CjkFont Locate()
    {
        if (Volatile.Read(ref found) is { } font)
        {
            return font;
        }

        var refusals = new List<string>();
        foreach (var path in configured is null ? candidates : [configured])
        {
            var refusal = Check(path, out var bytes);
            if (refusal is null)
            {
                var family = "Chuangji CJK " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..12];
                ProcessFontResolver.Register(family, bytes!);
                font = new CjkFont(family, path);
                Volatile.Write(ref found, font);
                return font;
            }

            if (configured is not null || File.Exists(path))
            {
                refusals.Add($"{path}: {refusal}");
            }
        }

        var tried = refusals.Count == 0 ? "none of the usual places has one" : string.Join("; ", refusals);
        throw new FailedPreconditionException(
            "PDF rendering",
            "without a Chinese font",
            [$"apt-get install {Package}", $"set {DocumentFontOptions.Section}:FontFile to a TrueType .ttf with Chinese glyphs"],
            $"no usable TrueType font with Chinese glyphs ({tried}); XLSX and HTML are unaffected");
    }

    /// <summary>Null when PDFsharp can embed the file and it has Chinese glyphs; otherwise why not.</summary>
    internal static string? Check(string path, out byte[]? bytes)
    {
        bytes = null;
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

        foreach (var required in new[] { "glyf", "loca", "cmap", "head", "hhea", "hmtx", "maxp" })
        {
            if (!tables.ContainsKey(required))
            {
                return $"has no '{required}' table";
            }
        }

        if (!HasGlyph(data, tables["cmap"], '中'))
        {
            return "has no Chinese glyphs";
        }

        bytes = data;
        return null;
    }

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

    /// <summary>Whether a Unicode cmap subtable (format 4 or 12) maps <paramref name="ch"/> to a glyph.</summary>
    private static bool HasGlyph(byte[] data, (int Offset, int Length) cmap, char ch)
    {
        try
        {
            var table = data.AsSpan(cmap.Offset, cmap.Length);
            var count = BinaryPrimitives.ReadUInt16BigEndian(table[2..]);
            for (var i = 0; i < count; i++)
            {
                var platform = BinaryPrimitives.ReadUInt16BigEndian(table[(4 + (i * 8))..]);
                var encoding = BinaryPrimitives.ReadUInt16BigEndian(table[(6 + (i * 8))..]);
                if (!(platform == 0 || (platform == 3 && encoding is 1 or 10)))
                {
                    continue;
                }

                var sub = table[(int)BinaryPrimitives.ReadUInt32BigEndian(table[(8 + (i * 8))..])..];
                var format = BinaryPrimitives.ReadUInt16BigEndian(sub);
                if ((format == 4 && Format4(sub, ch)) || (format == 12 && Format12(sub, ch)))
                {
                    return true;
                }
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }

        return false;
    }

    private static bool Format4(ReadOnlySpan<byte> sub, char ch)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(sub[6..]) / 2;
        var ends = 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var ranges = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            var end = BinaryPrimitives.ReadUInt16BigEndian(sub[(ends + (s * 2))..]);
            if (ch > end)
            {
                continue;
            }

            var start = BinaryPrimitives.ReadUInt16BigEndian(sub[(starts + (s * 2))..]);
            if (ch < start)
            {
                return false;
            }

            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(sub[(ranges + (s * 2))..]);
            if (rangeOffset == 0)
            {
                return (ushort)(ch + BinaryPrimitives.ReadUInt16BigEndian(sub[(deltas + (s * 2))..])) != 0;
            }

            var glyph = BinaryPrimitives.ReadUInt16BigEndian(sub[(ranges + (s * 2) + rangeOffset + ((ch - start) * 2))..]);
            return glyph != 0;
        }

        return false;
    }

    private static bool Format12(ReadOnlySpan<byte> sub, char ch)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = sub[(16 + (g * 12))..];
            if (ch >= BinaryPrimitives.ReadUInt32BigEndian(group) && ch <= BinaryPrimitives.ReadUInt32BigEndian(group[4..]))
            {
                return true;
            }
        }

        return false;
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
