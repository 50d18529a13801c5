namespace Tollgate.GitHubActions;

/// <summary>Per-target settings of the generated jobs, e.g. <c>_ =&gt; _.DeploysTo("production", url).TimeoutMinutes(30)</c>.</summary>
public static class GitHubActionsTargetExtensions
{
    /// <summary>The job deploys to a GitHub environment (approvals, environment secrets, the URL on the run page).</summary>
    public static ITargetDefinition DeploysTo(this ITargetDefinition definition, string environment, string? url = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        return Annotate(definition, new GitHubEnvironment(environment, url));
    }

    /// <summary>The job runs only when the expression holds, e.g. <c>startsWith(github.ref, 'refs/tags/v')</c>.</summary>
    public static ITargetDefinition RunsIf(this ITargetDefinition definition, string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        return Annotate(definition, new JobCondition(expression));
    }

    /// <summary>Widens the job's token permissions (only this job's).</summary>
    public static ITargetDefinition WithJobPermissions(this ITargetDefinition definition, params TokenAccess[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return Annotate(definition, new JobPermissions([.. permissions]));
    }

    /// <summary>Starts a service container next to the job.</summary>
    public static ITargetDefinition WithServiceContainer(this ITargetDefinition definition, ServiceContainer service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Annotate(definition, service);
    }

    /// <summary>Starts a service container next to the job, publishing the given ports.</summary>
    public static ITargetDefinition WithServiceContainer(this ITargetDefinition definition, string name, string image, params string[] ports) =>
        WithServiceContainer(definition, new ServiceContainer(name, image) { Ports = [.. ports] });

    /// <summary>Limits the job's run time.</summary>
    public static ITargetDefinition TimeoutMinutes(this ITargetDefinition definition, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutes);
        return Annotate(definition, new JobTimeout(minutes));
    }

    /// <summary>Runs the target in the job of <paramref name="hostTarget"/> (use <c>nameof(Target)</c>) instead of its own.</summary>
    public static ITargetDefinition SharesJobWith(this ITargetDefinition definition, string hostTarget)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostTarget);
        return Annotate(definition, new SharedJob(hostTarget));
    }

    /// <summary>
    /// Runs the target again in every job that depends on it instead of a job of its own (restore, compile). Generation
    /// fails when a job skips a dependency whose files never reach it; this is one of the ways to hand them over.
    /// </summary>
    public static ITargetDefinition FoldsIntoDependentJobs(this ITargetDefinition definition) => Annotate(definition, new FoldedIntoDependentJobs());

    /// <summary>
    /// The target's dependents need only that it succeeded (a gate such as tests or a scan, or an image pushed to a
    /// registry), so their jobs may skip it without receiving its files.
    /// </summary>
    public static ITargetDefinition HandsOverNothing(this ITargetDefinition definition) => Annotate(definition, new HandsOverNothing());

    /// <summary>
    /// GitOps: after the target succeeds, its job commits the image digest the target wrote to <paramref name="digestFile"/>
    /// into the line <c>KEY: ...</c> of <paramref name="valuesFile"/> and pushes it to <paramref name="branch"/> (the job
    /// gets <c>contents: write</c>). Pushes with the workflow's token start no other workflow run.
    /// </summary>
    public static ITargetDefinition CommitsImageDigest(this ITargetDefinition definition, string valuesFile, string digestFile, string key = "digest", string branch = "main")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(valuesFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(digestFile);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        return Annotate(definition, new GitOpsCommit(valuesFile, digestFile, key, branch));
    }

    /// <summary>Uploads a SARIF file the target writes to code scanning (adds <c>security-events: write</c> to the job).</summary>
    public static ITargetDefinition ProducesSarif(this ITargetDefinition definition, string path, string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        return Annotate(definition, new SarifOutput(path, category));
    }

    /// <summary>
    /// The target produces <paramref name="paths"/> (as <c>Produces</c> does) and its job uploads them as the artifact
    /// <paramref name="name"/> instead of with its other outputs: a job downloads it only when it consumes those paths
    /// (<c>Consumes(target, "artifacts/image-archive/**")</c>) or all of the target's outputs.
    /// </summary>
    /// <param name="definition">The target.</param>
    /// <param name="name">The artifact's name, unique in the workflow, e.g. <c>image-archive</c>.</param>
    /// <param name="traits">Whether the files are compressed already, whether the target may write none.</param>
    /// <param name="paths">Globs relative to the root.</param>
    public static ITargetDefinition ProducesSeparateArtifact(this ITargetDefinition definition, string name, ArtifactTraits traits, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Length == 0 || paths.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"The separate artifact '{name}' needs at least one path, and no empty one.", nameof(paths));
        }

        return definition.Produces(paths).Annotate(new SeparateArtifact(name, [.. paths], traits));
    }

    /// <summary>Sets the job's checkout depth (0: all history).</summary>
    public static ITargetDefinition FetchDepth(this ITargetDefinition definition, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        return Annotate(definition, new CheckoutDepth(depth));
    }

    private static ITargetDefinition Annotate(ITargetDefinition definition, object annotation)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Annotate(annotation);
    }
}
