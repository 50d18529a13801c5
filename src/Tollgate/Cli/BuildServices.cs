namespace Tollgate;

/// <summary>The services a running build hands its targets (through <see cref="TollgateBuild"/>).</summary>
internal sealed record BuildServices(
    AbsolutePath Root,
    IBuildLog Log,
    IProcessRunner Processes,
    ToolLocator Tools,
    IBuildHost Host,
    bool IsServerBuild,
    IReadOnlyList<string> InvokedTargets,
    ResolvedParameters Parameters);
