namespace Tollgate.GitHubActions.Tests.TestSupport;

/// <summary>Builds target graphs from records, as the engine's discovery would produce them.</summary>
internal static class Specs
{
    public static TargetSpec Target(string name, params string[] dependsOn) => new()
    {
        Name = name,
        DependsOn = [.. dependsOn],
        Actions = [_ => Task.CompletedTask],
    };

    public static TargetSpec Annotated(this TargetSpec spec, params object[] annotations) =>
        spec with { Annotations = spec.Annotations.AddRange(annotations) };

    public static TargetSpec Producing(this TargetSpec spec, params string[] paths) => spec with { Produces = [.. paths] };

    public static TargetSpec Consuming(this TargetSpec spec, params string[] producers) =>
        spec with { Consumes = [.. producers.Select(p => new ArtifactConsumption(p, []))] };

    public static TargetSpec ConsumingPaths(this TargetSpec spec, string producer, params string[] paths) =>
        spec with { Consumes = spec.Consumes.Add(new ArtifactConsumption(producer, [.. paths])) };

    public static TargetSpec ConsumingIfPresent(this TargetSpec spec, string producer, params string[] paths) =>
        spec with { Consumes = spec.Consumes.Add(new ArtifactConsumption(producer, [.. paths]) { IfPresent = true }) };

    public static TargetSpec Using(this TargetSpec spec, params string[] parameters) => spec with { UsedParameters = [.. parameters] };

    public static TargetGraph Graph(params TargetSpec[] targets) => new(targets);
}
