namespace Tollgate;

/// <summary>
/// Marks a field or property of a build class (or a property of a component interface) as a build parameter, set from
/// the command line (<c>--kebab-case</c>), the environment, <c>.nuke/parameters.json</c> or a profile.
/// </summary>
/// <param name="description">What the parameter is for, shown by <c>--help</c> and in the schema.</param>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    /// <summary>What the parameter is for.</summary>
    public string? Description { get; } = description;

    /// <summary>Overrides the parameter's name (default: the member name).</summary>
    public string? Name { get; init; }

    /// <summary>For arrays given as one string (environment): the separator; default splits on commas and whitespace.</summary>
    public char Separator { get; init; }
}
