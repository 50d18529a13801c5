using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>
/// An input of a manual run. Its value reaches the build only through the environment variable of the build parameter it
/// sets (<c>env: TARGET_BRANCH: ${{ inputs.branch }}</c>), never inside a script, so a hostile value cannot run as code.
/// </summary>
public abstract record WorkflowInput
{
    private protected WorkflowInput(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        Name = name;
        Parameter = parameter;
    }

    /// <summary>The input's id, used as <c>inputs.NAME</c>.</summary>
    public string Name { get; }

    /// <summary>The build parameter the input sets, e.g. <c>TargetBranch</c> (environment variable <c>TARGET_BRANCH</c>).</summary>
    public string Parameter { get; }

    /// <summary>The text shown on the form.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the form requires a value.</summary>
    public bool Required { get; init; }

    /// <summary>GitHub's type name.</summary>
    internal abstract string TypeName { get; }

    /// <summary>The default as written to the workflow, if any.</summary>
    internal abstract string? DefaultText { get; }
}

/// <summary>A free-text input.</summary>
public sealed record StringInput(string Name, string Parameter) : WorkflowInput(Name, Parameter)
{
    /// <summary>The default value.</summary>
    public string? Default { get; init; }

    internal override string TypeName => "string";

    internal override string? DefaultText => Default;
}

/// <summary>A check box.</summary>
public sealed record BooleanInput(string Name, string Parameter) : WorkflowInput(Name, Parameter)
{
    /// <summary>The default value.</summary>
    public bool? Default { get; init; }

    internal override string TypeName => "boolean";

    internal override string? DefaultText => Default switch { true => "true", false => "false", null => null };
}

/// <summary>A drop-down of fixed options.</summary>
public sealed record ChoiceInput(string Name, string Parameter, ImmutableArray<string> Options) : WorkflowInput(Name, Parameter)
{
    /// <summary>The default option (one of <see cref="Options"/>).</summary>
    public string? Default { get; init; }

    internal override string TypeName => "choice";

    internal override string? DefaultText => Default;
}

/// <summary>A drop-down of the repository's deployment environments.</summary>
public sealed record EnvironmentInput(string Name, string Parameter) : WorkflowInput(Name, Parameter)
{
    /// <summary>The default environment.</summary>
    public string? Default { get; init; }

    internal override string TypeName => "environment";

    internal override string? DefaultText => Default;
}
