namespace Tollgate;

/// <summary>What an extension sees when a build starts: after planning and parameter resolution, before any target runs.</summary>
public sealed record BuildStartingContext
{
    /// <summary>The build instance.</summary>
    public required ITollgateBuild Build { get; init; }

    /// <summary>The whole target graph.</summary>
    public required TargetGraph Graph { get; init; }

    /// <summary>The plan about to run.</summary>
    public required ExecutionPlan Plan { get; init; }

    /// <summary>The resolved parameters.</summary>
    public required ResolvedParameters Parameters { get; init; }

    /// <summary>Every parameter declared by the build and its components.</summary>
    public required IReadOnlyList<ParameterDescriptor> ParameterDescriptors { get; init; }
}
