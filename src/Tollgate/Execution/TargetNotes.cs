using System.Collections.Concurrent;

namespace Tollgate;

/// <summary>
/// The notes targets report about their own outcome (<see cref="ITollgateBuild.ReportOutcome"/>), by target name; the
/// executor puts a succeeded target's note on its <see cref="TargetResult"/>. Thread-safe: parallel targets each record
/// under their own name. Notes are masked before they are cut to one line, so a secret spanning a line break is caught.
/// </summary>
/// <param name="masker">The build's masker.</param>
internal sealed class TargetNotes(SecretMasker masker)
{
    private readonly ConcurrentDictionary<string, string> _notes = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="note"/> for <paramref name="target"/>; the last call wins, a blank note clears it.</summary>
    public void Record(string target, string note)
    {
        var line = Executor.FirstLine(masker.Apply(note).Trim());
        if (line.Length == 0)
        {
            _notes.TryRemove(target, out _);
        }
        else
        {
            _notes[target] = line;
        }
    }

    /// <summary>Removes and returns the note recorded for <paramref name="target"/>, if any.</summary>
    public string? Take(string target) => _notes.TryRemove(target, out var note) ? note : null;
}
