namespace Tollgate;

/// <summary>An absolute, normalized file-system path; <c>root / "src" / "app"</c> combines.</summary>
public readonly record struct AbsolutePath
{
    private readonly string? _value;

    /// <summary>Creates a path; relative paths are resolved against the current directory.</summary>
    public AbsolutePath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        _value = full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar) : full;
    }

    /// <summary>The full path.</summary>
    public string Value => _value ?? throw new InvalidOperationException("The path was never set.");

    /// <summary>The last segment.</summary>
    public string Name => Path.GetFileName(Value);

    /// <summary>The containing directory.</summary>
    public AbsolutePath Parent => new(Path.GetDirectoryName(Value) ?? Value);

    /// <summary>Combines a path with a relative segment.</summary>
    public static AbsolutePath operator /(AbsolutePath left, string right) => new(Path.Combine(left.Value, right));

    /// <summary>Converts to the full path string.</summary>
    public static implicit operator string(AbsolutePath path) => path.Value;

    /// <summary>Combines a path with a relative segment.</summary>
    public AbsolutePath Combine(string relative) => this / relative;

    /// <summary>This path relative to <paramref name="basePath"/>, with forward slashes.</summary>
    public string RelativeTo(AbsolutePath basePath) => Path.GetRelativePath(basePath.Value, Value).Replace('\\', '/');

    /// <summary>Whether a file exists here.</summary>
    public bool FileExists() => File.Exists(Value);

    /// <summary>Whether a directory exists here.</summary>
    public bool DirectoryExists() => Directory.Exists(Value);

    /// <summary>Creates the directory (and parents) if missing and returns the path.</summary>
    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(Value);
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
