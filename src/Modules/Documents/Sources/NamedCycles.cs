using System.Runtime.CompilerServices;
using Chuangji.Workflow.Modules.Members.Contracts;
using Chuangji.Workflow.Modules.Workflow.Contracts;
using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Documents.Sources;

/// <summary>A member's cycle with their name: what the materials need that print no score of their own.</summary>
internal sealed record NamedCycle(Cycle Cycle, string Name)
{
    public Determination? Determination => DeterminationInForce.Of(Cycle);
}

/// <summary>
/// The year's cycles with the members' names, looked up a chunk at a time, without scoring anyone: the commitments,
/// the declarations, the determinations (their frozen totals are in the cycle) and the outcomes need no scorecard,
/// so a dossier scores the college only where a list prints scores.
/// </summary>
internal sealed class NamedCycles(IWorkflowRecords workflow, IMembersModule members)
{
    private const int Chunk = 500;

    public async IAsyncEnumerable<NamedCycle> ReadAsync(int year, string? branchCode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (cycle, name) in WithNamesAsync(workflow.CyclesAsync(year, branchCode, cancellationToken), c => c.StaffNumber, cancellationToken))
        {
            yield return new NamedCycle(cycle, name);
        }
    }

    /// <summary>Each item with the name of the member it is about, the names looked up <see cref="Chunk"/> at a time.</summary>
    public async IAsyncEnumerable<(T Item, string Name)> WithNamesAsync<T>(
        IAsyncEnumerable<T> items, Func<T, string> staffNumberOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<T>(Chunk);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            chunk.Add(item);
            if (chunk.Count == Chunk)
            {
                foreach (var named in await NamedAsync(chunk, staffNumberOf, cancellationToken))
                {
                    yield return named;
                }

                chunk.Clear();
            }
        }

        foreach (var named in await NamedAsync(chunk, staffNumberOf, cancellationToken))
        {
            yield return named;
        }
    }

    private async Task<List<(T Item, string Name)>> NamedAsync<T>(IReadOnlyList<T> items, Func<T, string> staffNumberOf, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var names = await members.FindMembersAsync(items.Select(staffNumberOf).Distinct().ToList(), cancellationToken);
        return items.Select(i => (i, names.TryGetValue(staffNumberOf(i), out var member) ? member.Name : string.Empty)).ToList();
    }
}
