using System.Collections.Immutable;

namespace Tollgate;

/// <summary>The parsed command line of a build.</summary>
internal sealed record CommandLineOptions
{
    /// <summary>Targets to invoke (positional arguments and <c>--target</c>).</summary>
    public ImmutableArray<string> Targets { get; init; } = [];

    /// <summary>Null without <c>--skip</c>; empty for a bare <c>--skip</c>; else the targets to skip.</summary>
    public ImmutableArray<string>? Skip { get; init; }

    /// <summary><c>--plan</c>: print the plan and write .nuke/temp/plan.html instead of running.</summary>
    public bool Plan { get; init; }

    /// <summary><c>--help</c>.</summary>
    public bool Help { get; init; }

    /// <summary><c>--continue</c>: resume the last failed run of the same invocation.</summary>
    public bool Continue { get; init; }

    /// <summary><c>--force</c>: run incremental targets even when up to date.</summary>
    public bool Force { get; init; }

    /// <summary><c>--no-logo</c>.</summary>
    public bool NoLogo { get; init; }

    /// <summary><c>--root</c>.</summary>
    public string? Root { get; init; }

    /// <summary><c>--verbosity</c>.</summary>
    public Verbosity? Verbosity { get; init; }

    /// <summary><c>--profile</c> names.</summary>
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// <summary><c>--max-parallel</c>.</summary>
    public int? MaxParallel { get; init; }

    /// <summary><c>--host</c>.</summary>
    public string? Host { get; init; }

    /// <summary>Where <see cref="Targets"/> came from when a parameter file set them (<c>.nuke/parameters.json line 2</c>), for error messages; null for the command line.</summary>
    public string? TargetsOrigin { get; init; }

    /// <summary>Where <see cref="Skip"/> came from when a parameter file set it, for error messages; null for the command line.</summary>
    public string? SkipOrigin { get; init; }

    /// <summary>Where <see cref="Host"/> came from when a parameter file set it, for error messages; null for the command line.</summary>
    public string? HostOrigin { get; init; }

    /// <summary>Every other flag with its values, keyed by the flag as written without dashes (lower case).</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Parameters { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;
}
