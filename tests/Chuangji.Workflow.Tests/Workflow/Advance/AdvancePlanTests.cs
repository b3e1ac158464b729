using System.Reflection;
using Chuangji.Workflow.Modules.Workflow.Domain.Cycles;
using Chuangji.Workflow.Modules.Workflow.Features.AdvancePhase;
using Chuangji.Workflow.Tests.Workflow.Cycles;

namespace Chuangji.Workflow.Tests.Workflow.Advance;

/// <summary>
/// The bulk advance asks the machine once per shape and writes each group with one statement; these
/// tests hold it to what each cycle's own machine and step would have done, one by one, column by column.
/// </summary>
public sealed class AdvancePlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 20, 2, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, AdvanceTarget> TargetsByName = new()
    {
        [nameof(AdvanceTarget.CloseCommitment)] = AdvanceTarget.CloseCommitment,
        [nameof(AdvanceTarget.CloseFirstHalf)] = AdvanceTarget.CloseFirstHalf,
        [nameof(AdvanceTarget.CloseSelfReport)] = AdvanceTarget.CloseSelfReport,
        [nameof(AdvanceTarget.CloseMassReview)] = AdvanceTarget.CloseMassReview,
        [nameof(AdvanceTarget.EndPublicity)] = AdvanceTarget.EndPublicity,
    };

    /// <summary>Each phase close with the seed of its random cycles.</summary>
    public static TheoryData<string, int> Targets => new()
    {
        { nameof(AdvanceTarget.CloseCommitment), 21 },
        { nameof(AdvanceTarget.CloseFirstHalf), 22 },
        { nameof(AdvanceTarget.CloseSelfReport), 30 },
        { nameof(AdvanceTarget.CloseMassReview), 40 },
        { nameof(AdvanceTarget.EndPublicity), 50 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void EveryCycle_ComesOutOfThePlanAsItsOwnStepWouldLeaveIt(string targetName, int seed)
    {
        var target = TargetsByName[targetName];
        var cycles = RandomCycles(seed, count: 400);
        var rows = cycles.Select(c => new CycleRow(c.Id, c.StaffNumber, CycleShape.Of(c))).ToList();

        var plan = AdvancePlan.Make(rows, target, "leadership", Now, calendar: null);

        var groupOf = plan.Groups.SelectMany(g => g.CycleIds.Select(id => (id, g))).ToDictionary(x => x.id, x => x.g);
        plan.Results.Select(r => r.StaffNumber).Should().Equal(cycles.Select(c => c.StaffNumber));
        for (var i = 0; i < cycles.Count; i++)
        {
            var alone = Clone(cycles[i]);
            var moves = !target.Reached(alone.Status) && alone.Permits(target.Trigger, Now, out _);
            if (moves)
            {
                target.Step(alone, "leadership", Now);
            }

            var result = plan.Results[i];
            result.Moved.Should().Be(moves, $"cycle {alone.StaffNumber} in {cycles[i].Status}");
            result.Status.Should().Be(alone.Status);
            groupOf.ContainsKey(cycles[i].Id).Should().Be(moves);
            if (!moves)
            {
                result.Reason.Should().NotBeEmpty();
                continue;
            }

            var group = groupOf[cycles[i].Id];
            Scalars(Written(cycles[i], group.After)).Should().Equal(Scalars(alone), $"cycle {alone.StaffNumber} changes only what the plan writes");
            var logged = alone.History.Single();
            (group.Transition.AtUtcTicks, group.Transition.Actor, group.Transition.Trigger, group.Transition.From, group.Transition.To, group.Transition.Note)
                .Should().Be((logged.AtUtcTicks, logged.Actor, logged.Trigger, logged.From, logged.To, logged.Note));
        }
    }

    [Fact]
    public void CyclesOfOneShape_AreOneGroup()
    {
        var rows = Enumerable.Range(1, 1000)
            .Select(i => new CycleRow(i, $"T{i:D4}", new CycleShape(CycleStatus.Commitment, false, false, false, false, false, null, 5, false)))
            .ToList();

        var plan = AdvancePlan.Make(rows, AdvanceTarget.CloseCommitment, "leadership", Now, calendar: null);

        plan.Groups.Should().ContainSingle().Which.CycleIds.Should().HaveCount(1000);
        plan.Groups[0].After.Should().Be(new CycleShape(CycleStatus.FirstHalf, true, false, false, false, false, null, 5, false));
    }

    /// <summary>The columns the bulk writer sets, applied to the cycle as read; everything else stays as it was.</summary>
    private static Cycle Written(Cycle before, CycleShape after)
    {
        return Clone(before)
            .With(c => c.Status, after.Status)
            .With(c => c.CommitmentMissing, after.CommitmentMissing)
            .With(c => c.FirstHalfDeclarationMissing, after.FirstHalfDeclarationMissing)
            .With(c => c.SecondHalfDeclarationMissing, after.SecondHalfDeclarationMissing)
            .With(c => c.PublicityStartedAtUtcTicks, after.PublicityStartedAtUtcTicks)
            .With(c => c.Version, before.Version + 1);
    }

    private static readonly PropertyInfo[] ScalarProperties = typeof(Cycle).GetProperties()
        .Where(p => p.CanWrite && (p.PropertyType.IsValueType || p.PropertyType == typeof(string)))
        .ToArray();

    private static List<string> Scalars(Cycle cycle) =>
        ScalarProperties.Select(p => $"{p.Name}={p.GetValue(cycle)}").Append($"Objections={cycle.Objections.Count}").ToList();

    private static Cycle Clone(Cycle source)
    {
        var copy = CycleArrangement.Blank();
        foreach (var property in ScalarProperties)
        {
            property.SetValue(copy, property.GetValue(source));
        }

        foreach (var objection in source.Objections)
        {
            copy.WithObjection(new Objection { Id = objection.Id, Status = objection.Status, Content = objection.Content });
        }

        return copy;
    }

    private static List<Cycle> RandomCycles(int seed, int count)
    {
        var random = new Random(seed);
        var statuses = Enum.GetValues<CycleStatus>().Where(s => s != CycleStatus.SelfReport).ToArray();
        return Enumerable.Range(1, count).Select(i =>
        {
            var cycle = Cycle.Open(2026, i, $"T{i:D4}", "B01", publicityDays: 5);
            cycle.With(c => c.Id, i)
                .With(c => c.Status, statuses[random.Next(statuses.Length)])
                .With(c => c.Version, random.Next(1, 9))
                .With(c => c.CommitmentMissing, random.Next(2) == 0)
                .With(c => c.Commitment, cycle.CommitmentMissing ? string.Empty : "承诺")
                .With(c => c.FirstHalfDeclaredAtUtcTicks, random.Next(2) == 0 ? Now.AddDays(-random.Next(100, 300)).UtcTicks : null)
                .With(c => c.FirstHalfDeclarationMissing, cycle.FirstHalfDeclaredAtUtcTicks is null && random.Next(2) == 0)
                .With(c => c.SecondHalfDeclaredAtUtcTicks, random.Next(2) == 0 ? Now.AddDays(-random.Next(1, 100)).UtcTicks : null)
                .With(c => c.SecondHalfDeclarationMissing, cycle.SecondHalfDeclaredAtUtcTicks is null && random.Next(2) == 0)
                .With(c => c.OpinionCount, random.Next(4))
                .With(c => c.PublicityStartedAtUtcTicks, random.Next(3) switch
                {
                    0 => (long?)null,
                    1 => Now.AddDays(-6).UtcTicks,
                    _ => Now.AddDays(-2).UtcTicks,
                });
            if (random.Next(3) == 0)
            {
                cycle.WithObjection(new Objection { Id = i, Status = random.Next(2) == 0 ? ObjectionStatus.Open : ObjectionStatus.Dismissed });
            }

            return cycle;
        }).ToList();
    }
}
