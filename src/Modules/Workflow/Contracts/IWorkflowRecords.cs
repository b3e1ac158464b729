using Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Contracts;

/// <summary>
/// What the scheme's documents read of the Workflow module: its published v1 messages, the same a client of
/// WorkflowService receives (ADR 16). Every list is read a page at a time and streamed, by staff number or id.
/// </summary>
public interface IWorkflowRecords
{
    /// <summary>The year with its calendar and phase counts, or null when it has not been opened.</summary>
    Task<Year?> YearAsync(int year, CancellationToken cancellationToken);

    /// <summary>Whether the year has been opened: one row's lookup, for a reader that needs nothing more of the year.</summary>
    Task<bool> YearOpenedAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// The year's cycles of a branch (every branch when null), by staff number, with every determination, as GetCycle
    /// answers them less <c>permitted_actions</c>: no document prints what a caller may do next, and working it out
    /// takes the cycle's state machine, member by member.
    /// </summary>
    IAsyncEnumerable<Cycle> CyclesAsync(int year, string? branchCode, CancellationToken cancellationToken);

    /// <summary>
    /// The same cycles as <see cref="CyclesAsync"/>, by staff number, each reduced to its <see cref="CycleStanding"/>:
    /// what the college overview tallies, read without the history, objections and texts it does not print.
    /// </summary>
    IAsyncEnumerable<CycleStanding> StandingsAsync(int year, string? branchCode, CancellationToken cancellationToken);

    /// <summary>One member's cycle of the year, as GetCycle answers it, or null when there is none.</summary>
    Task<Cycle?> CycleAsync(int year, string staffNumber, CancellationToken cancellationToken);

    /// <summary>
    /// The opinions of the masses about a branch's active members, oldest first, as ListOpinions answers them;
    /// every branch when null, branch by branch (by code), each oldest first.
    /// </summary>
    IAsyncEnumerable<Opinion> OpinionsAsync(int year, string? branchCode, CancellationToken cancellationToken);

    /// <summary>
    /// The year's check reports about a branch, oldest first, each as GetCheckReport answers it (branch tallies and
    /// member findings); when null, every report of the year: each branch's and the college's own.
    /// </summary>
    IAsyncEnumerable<CheckReport> CheckReportsAsync(int year, string? branchCode, CancellationToken cancellationToken);
}
