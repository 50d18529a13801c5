using System.Globalization;
using System.Text;

namespace Tollgate;

/// <summary>
/// The full (masked) output of one child process, kept in a file under <c>.nuke/temp/logs</c> so the terminal can show
/// one line per successful command and a failure can point to everything the command printed. Thread-safe: standard
/// output and standard error are read on two threads.
/// </summary>
internal sealed class ProcessOutputLog : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _gate = new();
    private StreamWriter? _writer;

    private ProcessOutputLog(string path, StreamWriter writer)
    {
        Path = path;
        _writer = writer;
    }

    /// <summary>The file's full path.</summary>
    internal string Path { get; }

    /// <summary>How many output lines were written.</summary>
    internal int LineCount { get; private set; }

    /// <summary>
    /// Creates <c>&lt;directory&gt;/&lt;target&gt;.&lt;number&gt;.&lt;tool&gt;.log</c> and writes the command line as its first line;
    /// <see langword="null"/> when the file cannot be created (the build goes on, the output is then only in the log).
    /// </summary>
    internal static ProcessOutputLog? TryCreate(string directory, string? target, int number, string fileName, string maskedCommandLine)
    {
        var tool = Sanitize(System.IO.Path.GetFileNameWithoutExtension(fileName));
        var name = string.Create(CultureInfo.InvariantCulture, $"{Sanitize(target ?? "build")}.{number}.{tool}.log");
        try
        {
            Directory.CreateDirectory(directory);
            var path = System.IO.Path.Combine(directory, name);
            var writer = new StreamWriter(path, append: false, Utf8);
            writer.WriteLine("$ " + maskedCommandLine);
            return new ProcessOutputLog(path, writer);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Appends one (already masked) line; standard error lines are marked so the file shows which stream said what.</summary>
    internal void Add(string maskedLine, bool isError)
    {
        lock (_gate)
        {
            if (_writer is null)
            {
                return;
            }

            LineCount++;
            _writer.WriteLine(isError ? "! " + maskedLine : maskedLine);
        }
    }

    /// <summary>The path to show people: relative to the current directory when the file is under it.</summary>
    internal string DisplayPath()
    {
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), Path);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? Path : relative.Replace('\\', '/');
    }

    /// <summary>Writes the last line (how the process ended) and closes the file.</summary>
    internal void Complete(string ending)
    {
        lock (_gate)
        {
            _writer?.WriteLine("# " + ending);
            _writer?.Dispose();
            _writer = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Complete("output ends here");

    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '_');
        }

        return builder.Length == 0 ? "process" : builder.ToString();
    }
}
