using System.Collections.Concurrent;

namespace Tollgate.Components.Tests.TestSupport;

/// <summary>A build log that keeps its lines, so tests can read what a process printed.</summary>
public sealed class RecordingLog : IBuildLog
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    public void Write(LogLevel level, string message) => _lines.Enqueue((level, message));
}
