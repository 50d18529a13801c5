using System.Collections.Immutable;
using System.Reflection;

namespace Tollgate;

/// <summary>
/// A target after its definition was evaluated: immutable, with every relation resolved to target names and folded to
/// one direction (DependentFor becomes the other target's DependsOn, Before its After, TriggeredBy its Triggers).
/// </summary>
public sealed record TargetSpec
{
    /// <summary>The target's name: its property name.</summary>
    public required string Name { get; init; }

    /// <summary>The type that declares the effective implementation (the build class or a component interface).</summary>
    public Type? DeclaringType { get; init; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The actions, in declaration order. A target without actions is collective.</summary>
    public ImmutableArray<Func<CancellationToken, Task>> Actions { get; init; } = [];

    /// <summary>Methods that implement the actions (part of the definition hash for incremental runs).</summary>
    public ImmutableArray<MethodInfo> ActionMethods { get; init; } = [];

    /// <summary>Execution dependencies.</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary>Ordering-only predecessors.</summary>
    public ImmutableArray<string> After { get; init; } = [];

    /// <summary>Targets this one triggers.</summary>
    public ImmutableArray<string> Triggers { get; init; } = [];

    /// <summary>Conditions evaluated while planning.</summary>
    public ImmutableArray<TargetCondition> StaticConditions { get; init; } = [];

    /// <summary>Conditions evaluated right before running.</summary>
    public ImmutableArray<TargetCondition> DynamicConditions { get; init; } = [];

    /// <summary>Requirements checked before any target runs.</summary>
    public ImmutableArray<TargetRequirement> Requirements { get; init; } = [];

    /// <summary>Parameter member names the target reads (from <c>Requires(() =&gt; X)</c> and <c>Uses(() =&gt; X)</c>).</summary>
    public ImmutableArray<string> UsedParameters { get; init; } = [];

    /// <summary>What happens to dependencies nothing else needs when this target is skipped.</summary>
    public DependencyBehavior WhenSkipped { get; init; } = DependencyBehavior.Skip;

    /// <summary>Whether the build keeps scheduling after this target fails.</summary>
    public bool ProceedAfterFailure { get; init; }

    /// <summary>Whether this target runs even after failures or cancellation.</summary>
    public bool AssuredAfterFailure { get; init; }

    /// <summary>Whether <c>--help</c> hides this target.</summary>
    public bool Unlisted { get; init; }

    /// <summary>Artifact paths this target produces.</summary>
    public ImmutableArray<string> Produces { get; init; } = [];

    /// <summary>Artifacts this target consumes.</summary>
    public ImmutableArray<ArtifactConsumption> Consumes { get; init; } = [];

    /// <summary>Input globs for incremental runs.</summary>
    public ImmutableArray<string> Inputs { get; init; } = [];

    /// <summary>Output globs for incremental runs.</summary>
    public ImmutableArray<string> Outputs { get; init; } = [];

    /// <summary>Resources this target holds while it runs; targets sharing one never overlap.</summary>
    public ImmutableArray<string> ExclusiveResources { get; init; } = [];

    /// <summary>Extension data (CI settings and the like).</summary>
    public ImmutableArray<object> Annotations { get; init; } = [];

    /// <summary>Whether the target has no actions of its own.</summary>
    public bool IsCollective => Actions.IsEmpty;

    /// <summary>Whether the target takes part in incremental runs.</summary>
    public bool IsIncremental => !Inputs.IsEmpty && !Outputs.IsEmpty;

    /// <summary>The last annotation of the given type, if any.</summary>
    public T? GetAnnotation<T>()
        where T : class => Annotations.OfType<T>().LastOrDefault();
}
