namespace Tollgate.Deployment.Tests.Support;

/// <summary>The engine's real process runner, logging into a list (for real helm runs).</summary>
public sealed class Tools : IBuildLog
{
    public Tools() => Runner = new ProcessRunner(this, new SecretMasker(), new ToolLocator(toolsDirectory: null));

    public ProcessRunner Runner { get; }

    public List<string> Lines { get; } = [];

    public void Write(LogLevel level, string message)
    {
        lock (Lines)
        {
            Lines.Add(message);
        }
    }
}
