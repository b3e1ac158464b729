namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// Data put in through the real host on a fresh service started at <paramref name="Start"/>; <see cref="TemplateDatabase"/>
/// does it once per run, and <see cref="TestService.StartSeededAsync"/> starts each test on a copy.
/// </summary>
/// <param name="Name">Names the seed in the template's file name; two seeds of one name and start are the same seed.</param>
/// <param name="Start">Where the fake clock stands while it is seeded, and where the copies' clocks start.</param>
/// <param name="ApplyAsync">The calls that seed it; they must leave the clock where it started.</param>
internal sealed record Seed(string Name, DateTimeOffset Start, Func<TestService, Task> ApplyAsync);
