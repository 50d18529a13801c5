namespace Tollgate.Tests.Cli;

/// <summary>A build whose targets report notes about their outcome, for <see cref="TargetOutcomeTests"/>.</summary>
public sealed class OutcomeBuild : TollgateBuild
{
    private readonly TaskCompletionSource _leftReported = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _rightReported = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Parameter("Deployment token")]
    [Secret]
    public string? Token { get; set; }

    /// <summary>Reports twice (the last call wins), with the secret token and a second line in the last note.</summary>
    public Target Deploy => _ => _.Executes(() =>
    {
        ReportOutcome("deploying");
        ReportOutcome($"  http://127.0.0.1:8480/ (staging) as {Token}\nsecond line");
    });

    /// <summary>Reports a note, then fails.</summary>
    public Target Broken => _ => _.Executes(() =>
    {
        ReportOutcome("all good");
        throw new TollgateException("the release did not start");
    });

    /// <summary>Reports while <see cref="Right"/> runs too, and waits until Right has reported.</summary>
    public Target Left => _ => _.Executes(async ct =>
    {
        ReportOutcome("left side");
        _leftReported.SetResult();
        await _rightReported.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    });

    /// <summary>Reports while <see cref="Left"/> runs too, and waits until Left has reported.</summary>
    public Target Right => _ => _.Executes(async ct =>
    {
        ReportOutcome("right side");
        _rightReported.SetResult();
        await _leftReported.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    });

}
