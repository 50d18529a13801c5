namespace Tollgate;

/// <summary>Something that must hold before any target runs, checked for every target in the plan.</summary>
public abstract record TargetRequirement
{
    private TargetRequirement()
    {
    }

    /// <summary>A parameter must have a value.</summary>
    /// <param name="ParameterName">The parameter's member name.</param>
    public sealed record Parameter(string ParameterName) : TargetRequirement;

    /// <summary>A condition must be true.</summary>
    /// <param name="Condition">The condition and its source text.</param>
    public sealed record Check(TargetCondition Condition) : TargetRequirement;

    /// <summary>A tool must be found on PATH or in .nuke/temp/tools.</summary>
    /// <param name="ToolName">The executable's name.</param>
    public sealed record Tool(string ToolName) : TargetRequirement;
}
