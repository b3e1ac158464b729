namespace Chuangji.Workflow.Tests.Infrastructure;

/// <summary>A test class that takes seconds where most take milliseconds: <see cref="LongTestsFirst"/> starts it first.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute : Attribute;
