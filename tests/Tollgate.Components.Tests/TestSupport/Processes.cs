namespace Tollgate.Components.Tests.TestSupport;

/// <summary>The engine's real process runner and tool locator, as a stage service gets them.</summary>
public static class Processes
{
    public static ToolLocator Tools { get; } = new(toolsDirectory: null);

    public static ProcessRunner Create(RecordingLog? log = null) => new(log ?? new RecordingLog(), new SecretMasker(), Tools);
}
