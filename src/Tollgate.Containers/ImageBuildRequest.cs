namespace Tollgate.Containers;

/// <summary>An image to build from a context directory (streamed as a tar, <c>.dockerignore</c> applied by Tollgate).</summary>
/// <param name="ContextDirectory">The build context.</param>
public sealed record ImageBuildRequest(string ContextDirectory)
{
    /// <summary>The Dockerfile, relative to the context or absolute (default <c>Dockerfile</c>); it may live outside the context.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>
    /// The ignore file; null picks <c>&lt;Dockerfile&gt;.dockerignore</c> next to the Dockerfile when it exists, else
    /// <c>.dockerignore</c> in the context, as Docker does.
    /// </summary>
    public string? IgnoreFile { get; init; }

    /// <summary>Tags (<c>repository:tag</c>) given to the image.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Build arguments (<c>ARG</c>).</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels on the image.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The stage to build (<c>--target</c>); null builds the last.</summary>
    public string? Target { get; init; }

    /// <summary>Ignore the layer cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>Always try to pull newer base images.</summary>
    public bool Pull { get; init; }

    /// <summary>The network for RUN instructions (<c>host</c>, <c>bridge</c>...); null: the engine's default.</summary>
    public string? NetworkMode { get; init; }

    /// <summary>Files from outside the context to add to it.</summary>
    public IReadOnlyList<ContextFile> ExtraFiles { get; init; } = [];
}
