namespace Tollgate.Components.Testing;

/// <summary>The results of one test run, read from a TRX file (<c>dotnet test --logger trx</c>).</summary>
/// <param name="Name">The run's name (the TRX <c>TestRun/@name</c>).</param>
/// <param name="Results">One entry per test case (theory rows are separate cases).</param>
public sealed record TrxReport(string Name, IReadOnlyList<TrxTestResult> Results)
{
    /// <summary>The passed tests.</summary>
    public int Passed => Results.Count(r => r.Outcome == TestOutcome.Passed);

    /// <summary>The failed tests (including errors, timeouts and aborts).</summary>
    public int Failed => Results.Count(r => r.Outcome == TestOutcome.Failed);

    /// <summary>The skipped tests.</summary>
    public int Skipped => Results.Count(r => r.Outcome == TestOutcome.Skipped);

    /// <summary>The failed tests, in the order of the file.</summary>
    public IReadOnlyList<TrxTestResult> Failures => [.. Results.Where(r => r.Outcome == TestOutcome.Failed)];
}

/// <summary>One test case's result.</summary>
/// <param name="Name">The full test name, e.g. <c>Lib.Tests.CalcTests.Theory(x: 1)</c>.</param>
/// <param name="ClassName">The test class, e.g. <c>Lib.Tests.CalcTests</c>.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Message">The failure message or skip reason, if any.</param>
/// <param name="StackTrace">The failure's stack trace, if any.</param>
public sealed record TrxTestResult(string Name, string ClassName, TestOutcome Outcome, TimeSpan Duration, string? Message, string? StackTrace)
{
    /// <summary>The first non-empty line of the message (for one-line failure lists).</summary>
    public string FirstMessageLine =>
        Message?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no message)";
}

/// <summary>The outcome of a test case.</summary>
public enum TestOutcome
{
    /// <summary>It passed.</summary>
    Passed,

    /// <summary>It failed, errored, timed out or was aborted.</summary>
    Failed,

    /// <summary>It was not executed (skipped, inconclusive).</summary>
    Skipped,
}
