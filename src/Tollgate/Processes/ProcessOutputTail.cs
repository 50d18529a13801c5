namespace Tollgate;

/// <summary>The last lines a stream produced, kept for error messages. Thread-safe.</summary>
/// <param name="capacity">How many lines to keep.</param>
internal sealed class ProcessOutputTail(int capacity)
{
    private readonly Queue<string> _lines = new(capacity);
    private readonly Lock _gate = new();

    /// <summary>Adds a line, dropping the oldest beyond the capacity.</summary>
    internal void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    internal IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
