namespace Tollgate;

/// <summary>Where a parameter's value came from.</summary>
public enum ParameterSource
{
    /// <summary>No source set it: the member's default applies.</summary>
    Default,

    /// <summary>The command line (<c>--kebab-case</c>).</summary>
    CommandLine,

    /// <summary>An environment variable.</summary>
    Environment,

    /// <summary><c>.nuke/parameters.json</c>.</summary>
    ParametersFile,

    /// <summary>A profile, <c>.nuke/parameters.NAME.json</c>.</summary>
    Profile,
}

/// <summary>A parameter's value and where it came from.</summary>
/// <param name="Descriptor">The parameter.</param>
/// <param name="Value">The converted value, or null when unset.</param>
/// <param name="Source">Where the value came from.</param>
/// <param name="Origin">A human-readable origin such as <c>--api-key</c>, <c>$API_KEY</c> or <c>.nuke/parameters.json</c>.</param>
public sealed record ResolvedParameter(ParameterDescriptor Descriptor, object? Value, ParameterSource Source, string? Origin = null)
{
    /// <summary>Whether a source set the parameter.</summary>
    public bool HasValue => Source != ParameterSource.Default && Value is not null;
}
