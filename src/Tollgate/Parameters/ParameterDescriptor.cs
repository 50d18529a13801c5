using System.Reflection;

namespace Tollgate;

/// <summary>A parameter found on a build class or a component interface.</summary>
public sealed record ParameterDescriptor
{
    /// <summary>The parameter's name (the member name unless overridden), e.g. <c>CoverageThreshold</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The command-line form, e.g. <c>--coverage-threshold</c>.</summary>
    public string CommandLineName => "--" + ParameterNames.ToKebabCase(Name);

    /// <summary>The member that declares it.</summary>
    public required MemberInfo Member { get; init; }

    /// <summary>The value type (nullable wrappers removed).</summary>
    public required Type ValueType { get; init; }

    /// <summary>What it is for.</summary>
    public string? Description { get; init; }

    /// <summary>Whether its value is masked everywhere.</summary>
    public bool IsSecret { get; init; }

    /// <summary>Whether the build fails without it.</summary>
    public bool IsRequired { get; init; }

    /// <summary>The default value shown by <c>--help</c>, if one could be read.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>Separator for array values given as one string.</summary>
    public char Separator { get; init; }
}
