namespace Chuangji.Workflow.Bench;

/// <summary>Order statistics of a sample (nearest-rank percentiles).</summary>
internal sealed class Stats
{
    private readonly double[] _sorted;

    public Stats(IEnumerable<double> sample)
    {
        _sorted = sample.Order().ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("an empty sample has no statistics", nameof(sample));
        }
    }

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    public double Median => _sorted.Length % 2 == 1
        ? _sorted[_sorted.Length / 2]
        : (_sorted[(_sorted.Length / 2) - 1] + _sorted[_sorted.Length / 2]) / 2;

    public double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
