namespace Tollgate.TestSupport;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory; <paramref name="prefix"/> names it so a leftover folder tells whose it is.</summary>
    public TempDirectory(string prefix = "tollgate-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>The full path of a file or folder inside the directory.</summary>
    public string this[string relativePath] => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Writes a file (creating folders) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var full = this[relativePath];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>
    /// Copies every file below <paramref name="sourceDirectory"/> into the folder <paramref name="relativePath"/> of this
    /// directory, keeping their relative paths, and returns that folder's full path.
    /// </summary>
    public string CopyFrom(string sourceDirectory, string relativePath)
    {
        var target = this[relativePath];
        foreach (var file in Directory.GetFiles(sourceDirectory, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(sourceDirectory, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    /// <summary>Writes an executable POSIX shell script (<c>#!/bin/sh</c> and <paramref name="body"/>) and returns its full path.</summary>
    public string WriteScript(string relativePath, string body) => MakeExecutable(Write(relativePath, "#!/bin/sh\n" + body + "\n"));

    /// <summary>Sets the owner's read, write and execute bits (Windows has no such bits) and returns <paramref name="path"/>.</summary>
    public static string MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
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
            // A process that was stopped may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // Files written by a container as another user; the temp folder is cleaned by the OS.
        }
    }
}
