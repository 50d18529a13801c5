using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace Tollgate.Containers.Tests;

/// <summary>A build log that keeps lines for assertions and echoes them to the test output.</summary>
public sealed class TestLog(ITestOutputHelper? output = null) : IBuildLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Text => string.Join('\n', _lines);

    public void Write(LogLevel level, string message)
    {
        _lines.Enqueue($"{level}: {message}");
        try
        {
            output?.WriteLine($"{level}: {message}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished (a late line from a background stream).
        }
    }
}
