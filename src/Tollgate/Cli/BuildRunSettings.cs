namespace Tollgate;

/// <summary>Where a build run reads its environment and writes its output; tests replace every part.</summary>
internal sealed record BuildRunSettings
{
    /// <summary>Where output goes; default: the console.</summary>
    public TextWriter Output { get; init; } = Console.Out;

    /// <summary>Whether the output is redirected (no live view, no colours); default: detected from the console.</summary>
    public bool OutputRedirected { get; init; } = Console.IsOutputRedirected;

    /// <summary>The environment variables; default: the process's.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = ParameterSources.ProcessEnvironment();

    /// <summary>The directory the root search starts from; default: the current directory.</summary>
    public string CurrentDirectory { get; init; } = System.Environment.CurrentDirectory;
}
