using System.Runtime.CompilerServices;
using Chuangji.Workflow.BuildingBlocks.Time;
using Chuangji.Workflow.Modules.Documents.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace Chuangji.Workflow.Tests.Documents.Rendering;

/// <summary>Documents built by hand, in Chinese with figures, as the document builders will build them.</summary>
internal static class RenderingSamples
{
    public const string DroidFont = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>2026-12-20 09:30:10 in Asia/Shanghai (01:30:10 UTC): the moment the renderers' files are dated.</summary>
    public static readonly DateTimeOffset RenderedAt = new(2026, 12, 20, 1, 30, 10, TimeSpan.Zero);

    /// <summary>The college's clock stopped at <see cref="RenderedAt"/>, in the college's zone.</summary>
    public static CollegeClock Clock { get; } = new(new FakeTimeProvider(RenderedAt), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public const string LongRemark = "该同志在年度考核中表现突出，主持完成省级创新创业训练项目两项，指导学生获得国家级竞赛奖项，并承担学院双创课程建设工作。";

    public static DocumentModel Publicity(string? cell = null) => new(
        "2026年度创新创业积分考核公示名单",
        ["学院：计算机与信息学院", "考核年度：2026年（第一批次）"],
        [
            new DocumentTable(
                "公示名单",
                "一、拟认定人员名单",
                [
                    new DocumentColumn("序号", 0.6),
                    new DocumentColumn("工号", 1),
                    new DocumentColumn("姓名", 1),
                    new DocumentColumn("总分", 0.8, ColumnKind.Number),
                    new DocumentColumn("等级", 0.8),
                    new DocumentColumn("备注", 3),
                ],
                Rows(
                    new DocumentRow(["1", "T001", "张三", "92.5", "优秀", cell ?? string.Empty]),
                    new DocumentRow(["2", "T002", "李四", "78", "合格", LongRemark]),
                    new DocumentRow(["3", "T003", "欧阳明", "待定", "—", string.Empty]),
                    new DocumentRow([string.Empty, string.Empty, "合计", "170.5", string.Empty, string.Empty], Emphasis: true)))
            {
                Notes = ["注：总分保留一位小数；“待定”表示仍在复核。"],
            },
            new DocumentTable(
                "用绩:明细/2026?",
                "二、用绩结果",
                [new DocumentColumn("姓名", 1), new DocumentColumn("用途", 2), new DocumentColumn("积分", 1, ColumnKind.Number)],
                Rows(new DocumentRow(["张三", "职称评审", "30"]), new DocumentRow(["李四", "评优评先", "12.25"]))),
        ],
        ["公示期：2026年12月1日至12月7日", "联系人：王老师，电话 010-62345678"])
    {
        FileStem = "2026-B01-公示名单",
    };

    public static async IAsyncEnumerable<DocumentRow> Rows(params DocumentRow[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    /// <summary>
    /// <paramref name="count"/> rows made one at a time, none kept. When the last is asked for, <paramref name="probe"/>
    /// says whether the first row could still be reached after a full collection: only if someone kept it.
    /// </summary>
    public static async IAsyncEnumerable<DocumentRow> Generated(int count, RowProbe probe, [EnumeratorCancellation] CancellationToken ct = default)
    {
        WeakReference<DocumentRow>? first = null;
        for (var i = 1; i <= count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (i == count)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                probe.FirstRowAlive = first!.TryGetTarget(out _);
                probe.LiveHeapAtLastRow = GC.GetTotalMemory(forceFullCollection: false);
            }

            var row = new DocumentRow([i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"成员{i:D5}", $"计算机学院第{(i % 12) + 1}系", (60 + (i % 400) / 10m).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            first ??= new WeakReference<DocumentRow>(row);
            if (i % 1000 == 0)
            {
                await Task.Yield();
            }

            yield return row;
        }
    }
}

/// <summary>What <see cref="RenderingSamples.Generated"/> saw when the last row was asked for.</summary>
internal sealed class RowProbe
{
    public bool? FirstRowAlive { get; set; }

    public long LiveHeapAtLastRow { get; set; }
}

/// <summary>An output like an HTTP response body: forward only, no length, no position.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public long Written { get; private set; }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        Written += count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        Written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
