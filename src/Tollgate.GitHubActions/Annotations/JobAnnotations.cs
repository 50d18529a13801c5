using System.Collections.Immutable;

namespace Tollgate.GitHubActions;

/// <summary>The deployment environment of a target's job: GitHub asks for the environment's required approvals.</summary>
/// <param name="Name">The environment, e.g. <c>production</c>.</param>
/// <param name="Url">The URL shown on the run, if any (may be an expression).</param>
public sealed record DeploymentEnvironment(string Name, string? Url);

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
