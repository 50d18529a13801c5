namespace Tollgate.Tests.Processes;

/// <summary>A fresh temporary directory, deleted with its contents on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TempDirectory() => Directory.CreateDirectory(Path);

    /// <summary>The full path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tollgate-process-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A path inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes an executable shell script and returns its path.</summary>
    public string WriteScript(string relativePath, string body)
    {
        var path = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        MakeExecutable(path);
        return path;
    }

    /// <summary>Sets the owner's execute bit (these tests run POSIX shells; Windows has no such bit).</summary>
    public static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still be releasing a file; the OS temp cleaner takes the rest.
        }
    }
}
