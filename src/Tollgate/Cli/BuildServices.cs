namespace Tollgate;

/// <summary>The services a running build hands its targets (through <see cref="TollgateBuild"/>), set once per run.</summary>
internal sealed record BuildServices(
    AbsolutePath Root,
    IBuildLog Log,
    IProcessRunner Processes,
    ToolLocator Tools,
    IBuildHost Host,
    bool IsServerBuild,
    BuildInvocation Invocation,
    IReadOnlyDictionary<string, string?> Environment,
    TargetNotes Notes);
