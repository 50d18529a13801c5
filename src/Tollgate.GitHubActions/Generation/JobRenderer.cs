using System.Collections.Immutable;
using Tollgate.GitHubActions.Yaml;

namespace Tollgate.GitHubActions;

/// <summary>Writes one job: where and when it runs, what it may do, its secrets and its steps.</summary>
internal static class JobRenderer
{
    public static YamlMap Render(WorkflowJob job, GenerationContext context)
    {
        var map = new YamlMap();
        if (!job.Needs.IsEmpty)
        {
            map.Add("needs", YamlNode.Strings(job.Needs));
        }

        map.AddIfPresent("if", Condition(job));
        map.Add("runs-on", RunsOn(job, context.Workflow));
        map.AddIfPresent("environment", Environment(job));
        map.AddIfPresent("concurrency", DeploymentConcurrency(job));
        map.AddIfPresent("permissions", Permissions(job, context.Workflow));
        var timeout = job.Targets.Select(t => t.GetAnnotation<JobTimeout>()).OfType<JobTimeout>().Sum(t => t.Minutes);
        if (timeout > 0)
        {
            map.Add("timeout-minutes", YamlNode.Number(timeout));
        }

        map.AddIfPresent("strategy", Strategy(job.Matrix));
        map.AddIfNotEmpty("services", Services(job));
        map.AddIfNotEmpty("env", Environment(job, context));
        map.Add("steps", StepRenderer.Render(job, context));
        return map;
    }

    private static YamlScalar? Condition(WorkflowJob job)
    {
        var conditions = job.Targets.Select(t => t.GetAnnotation<JobCondition>()?.Expression).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (conditions.Count > 1)
        {
            throw new TollgateException(
                $"Job '{job.Id}' runs targets with different RunsIf conditions ({string.Join("; ", conditions)}). Give the targets their own jobs or one condition.");
        }

        var condition = conditions.Count == 1 ? Unwrap(conditions[0]) : null;
        if (job.Targets.Any(t => t.AssuredAfterFailure))
        {
            // Assured targets (clean-up, reports) run even when what they wait for failed or was cancelled.
            condition = condition is null ? "always()" : $"always() && ({condition})";
        }

        return condition is null ? null : YamlNode.Text(condition);
    }

    private static string Unwrap(string expression)
    {
        var trimmed = expression.Trim();
        return trimmed.StartsWith("${{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal) ? trimmed[3..^2].Trim() : trimmed;
    }

    private static YamlNode RunsOn(WorkflowJob job, GitHubWorkflow workflow)
    {
        if (job.Matrix?.RunnerDimension is { } dimension)
        {
            return $"${{{{ matrix.{dimension} }}}}";
        }

        var runners = job.Targets.Select(t => workflow.Runners.GetValueOrDefault(t.Name)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return runners.Count switch
        {
            0 => workflow.RunsOn,
            1 => runners[0],
            _ => throw new TollgateException($"Workflow '{workflow.Name}': job '{job.Id}' has targets for different runners ({string.Join(", ", runners)}). Use one runner per job."),
        };
    }

    private static YamlNode? Environment(WorkflowJob job)
    {
        var environments = job.Targets.Select(t => t.GetAnnotation<GitHubEnvironment>()).OfType<GitHubEnvironment>().Distinct().ToList();
        if (environments.Count > 1)
        {
            throw new TollgateException($"Job '{job.Id}' deploys to {string.Join(" and ", environments.Select(e => e.Name))}. A job has one environment: give the targets their own jobs.");
        }

        if (environments.Count == 0)
        {
            return null;
        }

        var environment = environments[0];
        return environment.Url is null ? YamlNode.Text(environment.Name) : new YamlMap().Add("name", environment.Name).Add("url", environment.Url);
    }

    // A job that sets permissions replaces the workflow's, so contents: read is repeated for checkout.
    private static YamlMap? Permissions(WorkflowJob job, GitHubWorkflow workflow)
    {
        var widened = WidenedPermissions(job, workflow);
        if (widened.Count == 0)
        {
            return null;
        }

        var levels = new SortedDictionary<string, PermissionLevel>(StringComparer.Ordinal) { ["contents"] = PermissionLevel.Read };
        foreach (var permission in widened)
        {
            levels[permission.Scope] = levels.TryGetValue(permission.Scope, out var level) && level > permission.Level ? level : permission.Level;
        }

        var map = new YamlMap();
        foreach (var (scope, level) in levels)
        {
            map.Add(scope, new TokenAccess(scope, level).LevelText);
        }

        return map;
    }

    /// <summary>
    /// What the job's targets need beyond <c>contents: read</c>: declared on the targets and by the workflow for them, and
    /// implied by SARIF uploads and GitOps commits.
    /// </summary>
    internal static List<TokenAccess> WidenedPermissions(WorkflowJob job, GitHubWorkflow workflow)
    {
        var widened = job.Targets.SelectMany(t => t.Annotations.OfType<JobPermissions>().SelectMany(p => p.Permissions))
            .Concat(job.Targets.SelectMany(t => workflow.JobPermissions.GetValueOrDefault(t.Name, [])))
            .ToList();
        if (job.Targets.Any(t => t.Annotations.OfType<SarifOutput>().Any()))
        {
            widened.Add(TokenAccess.SecurityEventsWrite);
            widened.Add(TokenAccess.ActionsRead);
        }

        if (job.Targets.Any(t => t.Annotations.OfType<GitOpsCommit>().Any()))
        {
            widened.Add(TokenAccess.ContentsWrite);
        }

        return widened;
    }

    // One deployment per environment at a time, across workflows; a deployment in progress is never cancelled.
    private static YamlMap? DeploymentConcurrency(WorkflowJob job) =>
        job.Targets.Select(t => t.GetAnnotation<GitHubEnvironment>()).OfType<GitHubEnvironment>().FirstOrDefault() is { } environment
            ? new YamlMap().Add("group", "deploy-" + environment.Name).Add("cancel-in-progress", YamlNode.Bool(false))
            : null;

    private static YamlMap? Strategy(GitHubMatrix? matrix)
    {
        if (matrix is null)
        {
            return null;
        }

        var dimensions = new YamlMap();
        foreach (var dimension in matrix.Dimensions)
        {
            dimensions.Add(dimension.Name, YamlNode.Strings(dimension.Values));
        }

        return new YamlMap().Add("fail-fast", YamlNode.Bool(matrix.FailFast)).Add("matrix", dimensions);
    }

    private static YamlMap Services(WorkflowJob job)
    {
        var services = new YamlMap();
        var all = job.Targets.SelectMany(t => t.Annotations.OfType<ServiceContainer>()).Distinct().ToList();
        foreach (var service in all.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (all.Count(s => s.Name == service.Name) > 1)
            {
                throw new TollgateException($"Job '{job.Id}' declares the service container '{service.Name}' twice with different settings. Name them differently.");
            }

            var environment = new YamlMap();
            foreach (var (name, value) in service.Environment)
            {
                environment.Add(name, value);
            }

            services.Add(service.Name, new YamlMap()
                .Add("image", service.Image)
                .AddIfNotEmpty("ports", YamlNode.Strings(service.Ports))
                .AddIfNotEmpty("env", environment)
                .AddIfPresent("options", service.Options is null ? null : YamlNode.Text(service.Options)));
        }

        return services;
    }

    // Secrets only for the targets that read them, and matrix values that set parameters: all through the environment.
    private static YamlMap Environment(WorkflowJob job, GenerationContext context)
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Set(string name, string value, string origin)
        {
            if (!variables.TryAdd(name, value) && variables[name] != value)
            {
                throw new TollgateException($"Job '{job.Id}': the environment variable {name} gets two values ({variables[name]} and {value}, from {origin}).");
            }
        }

        foreach (var dimension in job.Matrix?.Dimensions.Where(d => d.Parameter is not null) ?? [])
        {
            var parameter = context.RequireParameter(dimension.Parameter!, $"matrix dimension '{dimension.Name}'");
            Set(EnvironmentNames.ForParameter(parameter.Name), $"${{{{ matrix.{dimension.Name} }}}}", $"matrix dimension '{dimension.Name}'");
        }

        foreach (var secret in SecretsOf(job, context))
        {
            var secretName = context.Workflow.SecretNames.GetValueOrDefault(secret.Name)
                ?? context.Workflow.SecretNames.GetValueOrDefault(secret.Member.Name)
                ?? EnvironmentNames.ForParameter(secret.Name);

            // GITHUB_TOKEN for GitHubToken: the engine matches on letters and digits, so the secret's own name reads better.
            var variable = ParameterNames.ToLettersAndDigits(secretName) == ParameterNames.ToLettersAndDigits(secret.Name)
                ? secretName
                : EnvironmentNames.ForParameter(secret.Name);
            Set(variable, $"${{{{ secrets.{secretName} }}}}", $"the secret parameter {secret.Name}");
        }

        var map = new YamlMap();
        foreach (var (name, value) in variables)
        {
            map.Add(name, value);
        }

        return map;
    }

    private static ImmutableArray<ParameterDescriptor> SecretsOf(WorkflowJob job, GenerationContext context) =>
        [.. job.Targets.SelectMany(t => t.UsedParameters)
            .Select(context.FindParameter)
            .OfType<ParameterDescriptor>()
            .Where(p => p.IsSecret)
            .Where(p => !context.Workflow.WithheldSecrets.Contains(p.Name) && !context.Workflow.WithheldSecrets.Contains(p.Member.Name))
            .Distinct()];
}
