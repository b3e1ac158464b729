using Chuangji.Workflow.Modules.Members.Contracts;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>
/// The college's year in counts: a <see cref="BranchTally"/> per branch of the roster (and per branch a cycle still
/// names after the roster dropped it), ordered by code, and the college's own, from one pass over its standings.
/// </summary>
internal sealed class CollegeTally
{
    private CollegeTally(IReadOnlyList<(string Code, string Name, BranchTally Tally)> branches, BranchTally all)
    {
        Branches = branches;
        All = all;
    }

    public IReadOnlyList<(string Code, string Name, BranchTally Tally)> Branches { get; }

    public BranchTally All { get; }

    /// <summary>Counts every member as it streams past; <paramref name="each"/> sees each member too (the overview's ranking).</summary>
    public static async Task<CollegeTally> CountAsync(
        IReadOnlyList<BranchRecord> branches, IAsyncEnumerable<MemberStanding> college, Action<MemberStanding>? each, CancellationToken cancellationToken)
    {
        var tallies = branches.ToDictionary(b => b.Code, _ => new BranchTally(), StringComparer.Ordinal);
        var all = new BranchTally();
        await foreach (var member in college.WithCancellation(cancellationToken))
        {
            if (!tallies.TryGetValue(member.Cycle.BranchCode, out var tally))
            {
                tallies[member.Cycle.BranchCode] = tally = new BranchTally();
            }

            tally.Add(member);
            all.Add(member);
            each?.Invoke(member);
        }

        var names = branches.ToDictionary(b => b.Code, b => b.Name, StringComparer.Ordinal);
        return new CollegeTally(
            tallies.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, names.GetValueOrDefault(t.Key, string.Empty), t.Value)).ToList(), all);
    }
}
