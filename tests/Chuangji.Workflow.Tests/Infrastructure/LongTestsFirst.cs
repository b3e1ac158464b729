using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Chuangji.Workflow.Tests.Infrastructure.LongTestsFirst", "Chuangji.Workflow.Tests")]

namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>
/// xunit's order with the classes marked <see cref="RunsLongAttribute"/> moved to the front: started last, one of them
/// would run on after the others had finished, with a core idle.
/// </summary>
public sealed class LongTestsFirst : ITestCollectionOrderer
{
    /// <summary>xunit's name for the collection of a class without one of its own.</summary>
    private const string ClassCollection = "Test collection for ";

    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        _default.OrderTestCollections(testCollections).OrderBy(c => RunsLong(c) ? 0 : 1);

    private static bool RunsLong(ITestCollection collection) =>
        collection.DisplayName.StartsWith(ClassCollection, StringComparison.Ordinal)
        && typeof(LongTestsFirst).Assembly.GetType(collection.DisplayName[ClassCollection.Length..])?.IsDefined(typeof(RunsLongAttribute)) == true;
}
