using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>
/// A reference to a GitHub environment (the job's <c>environment:</c> key): GitHub asks for its required approvals, gives
/// the job its secrets and shows the URL on the run. Only a name and a URL: what is deployed where is declared once in
/// the build (Tollgate.Deployment's <c>DeploymentEnvironment</c>), and the component layer maps it onto this reference.
/// </summary>
/// <param name="Name">The environment, e.g. <c>production</c>.</param>
/// <param name="Url">The URL shown on the run, if any (may be an expression).</param>
public sealed record GitHubEnvironment(string Name, string? Url);

/// <summary>A job-level <c>if:</c> expression, e.g. <c>startsWith(github.ref, 'refs/tags/v')</c>.</summary>
/// <param name="Expression">The expression.</param>
public sealed record JobCondition(string Expression);

/// <summary>Permissions a target's job needs beyond <c>contents: read</c>.</summary>
/// <param name="Permissions">The widened permissions.</param>
public sealed record JobPermissions(ImmutableArray<TokenAccess> Permissions);

/// <summary>The job's <c>timeout-minutes</c>.</summary>
/// <param name="Minutes">The limit.</param>
public sealed record JobTimeout(int Minutes);

/// <summary>The target runs in the job of another target instead of its own (collapsing small steps).</summary>
/// <param name="HostTarget">The target whose job it joins.</param>
public sealed record SharedJob(string HostTarget);

/// <summary>A SARIF file the target writes, uploaded to code scanning under its own category (one per tool).</summary>
/// <param name="Path">The file, relative to the root.</param>
/// <param name="Category">The code-scanning category, e.g. <c>trivy</c>.</param>
public sealed record SarifOutput(string Path, string Category);

/// <summary>The checkout depth of the target's job (0: all history).</summary>
/// <param name="Depth">The number of commits.</param>
public sealed record CheckoutDepth(int Depth);

/// <summary>
/// The target gets no job of its own: it runs again at the start of every job whose targets depend on it (restore,
/// compile: cheap to repeat, and what they write is too big or too machine-specific to hand over as an artifact).
/// </summary>
public sealed record FoldedIntoDependentJobs;

/// <summary>
/// The target's dependents need only that it succeeded, not files it wrote (a test or scan gate, or a target whose result
/// lives outside the runner, such as an image pushed to a registry), so a job may skip it after its own job passed.
/// </summary>
public sealed record HandsOverNothing;

/// <summary>
/// GitOps instead of a direct deployment: after the job's targets succeed, the image digest they wrote to
/// <paramref name="DigestFile"/> is committed to an environment's values file and pushed, and a GitOps controller (Argo
/// CD, Flux) rolls the environment out from the repository.
/// </summary>
/// <param name="ValuesFile">The values file to update, e.g. <c>k8s/research-assistant/values-staging.yaml</c>.</param>
/// <param name="DigestFile">The file the job's targets write the pushed image's digest (<c>sha256:...</c>) to.</param>
/// <param name="Key">The key of the line that holds the digest (its first occurrence is replaced).</param>
/// <param name="Branch">The branch the commit is pushed to (the one the controller watches).</param>
public sealed record GitOpsCommit(string ValuesFile, string DigestFile, string Key, string Branch);

/// <summary>
/// Files of the target's <c>Produces</c> that its job uploads as an artifact of their own, so that only the jobs that
/// consume those paths download them (an image archive for a scan, not for a deployment that pulls by digest).
/// </summary>
/// <param name="Name">The artifact's name, unique in the workflow (a matrix job appends its values).</param>
/// <param name="Paths">The globs it holds (relative to the root).</param>
/// <param name="Traits">Whether the files are compressed already, whether the target may write none.</param>
public sealed record SeparateArtifact(string Name, ImmutableArray<string> Paths, ArtifactTraits Traits);
