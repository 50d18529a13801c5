using System.Text.RegularExpressions;

namespace Tollgate.GitHubActions;

/// <summary>Checks a declaration against the graph before anything is written, naming the field and the fix.</summary>
internal static partial class WorkflowValidation
{
    public static void Validate(TargetGraph graph, GitHubWorkflow workflow, GenerationContext context)
    {
        var where = $"Workflow '{workflow.Name}'";
        Require(FileName().IsMatch(workflow.Name), $"{where}: the name becomes the file name; use letters, digits, '.', '_' and '-'.");
        Require(!workflow.Triggers.IsEmpty, $"{where} has no triggers, so it would never run. Add OnPullRequest(), OnPushToBranches(\"main\"), OnSchedule(...) or OnWorkflowDispatch().");
        Require(workflow.FetchDepth >= 0, $"{where}: FetchDepth must be 0 (all history) or more, not {workflow.FetchDepth}.");

        foreach (var target in graph.Targets)
        {
            // Target names go into run: scripts; only identifier characters keep that safe.
            Require(Identifier().IsMatch(target.Name), $"Target '{target.Name}': CI runs targets by name in a shell; use letters, digits and '_'.");
        }

        // upload-artifact fails when a run uploads a second artifact of a name, so two targets' artifacts must differ.
        var artifacts = context.Jobs.SelectMany(j => j.Targets.SelectMany(t => TargetArtifacts.Of(t).Select(a => (Target: t.Name, a.Name))));
        foreach (var clash in artifacts.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Require(false, $"{where}: the artifact name '{clash.Key}' is uploaded by {string.Join(" and ", clash.Select(a => a.Target))}; give the separate artifact (ProducesSeparateArtifact) a name of its own.");
        }

        foreach (var separate in graph.Targets.SelectMany(t => t.Annotations.OfType<SeparateArtifact>()))
        {
            Require(ArtifactName().IsMatch(separate.Name), $"{where}: the artifact name '{separate.Name}' becomes a file name on download; use letters, digits, '.', '_' and '-'.");
        }

        foreach (var target in workflow.Runners.Keys.Concat(workflow.Matrices.SelectMany(m => m.Targets)))
        {
            Require(graph.TryGet(target, out _), $"{where} sets a runner or matrix for '{target}', which is not a target of this build.");
        }

        foreach (var target in workflow.JobPermissions.Keys)
        {
            Require(context.Jobs.Any(j => j.Targets.Any(t => string.Equals(t.Name, target, StringComparison.OrdinalIgnoreCase))),
                $"{where} widens the permissions of '{target}' (WithJobPermissions), which runs in none of its jobs. Name a target of the workflow's plan, or remove the call.");
        }

        foreach (var matrix in workflow.Matrices)
        {
            Require(!matrix.Dimensions.IsEmpty, $"{where}: the matrix of {string.Join(", ", matrix.Targets)} has no dimensions. Add WithDimension(...) or WithRunners(...).");
            foreach (var dimension in matrix.Dimensions)
            {
                Require(InputName().IsMatch(dimension.Name), $"{where}: matrix dimension '{dimension.Name}' must start with a letter or '_' and hold letters, digits, '_' and '-'.");
                Require(!dimension.Values.IsEmpty, $"{where}: matrix dimension '{dimension.Name}' has no values.");
                if (dimension.Parameter is not null)
                {
                    RequireNotSecret(context.RequireParameter(dimension.Parameter, $"matrix dimension '{dimension.Name}'"), where);
                }
            }

            Require(
                matrix.RunnerDimension is null || matrix.Dimensions.Any(d => d.Name == matrix.RunnerDimension),
                $"{where}: the matrix runner dimension '{matrix.RunnerDimension}' is not one of its dimensions.");
        }

        foreach (var input in workflow.Triggers.OfType<WorkflowDispatchTrigger>().SelectMany(d => d.Inputs))
        {
            Require(InputName().IsMatch(input.Name), $"{where}: input '{input.Name}' must start with a letter or '_' and hold letters, digits, '_' and '-'.");
            RequireNotSecret(context.RequireParameter(input.Parameter, $"input '{input.Name}'"), where);
            if (input is ChoiceInput choice)
            {
                Require(!choice.Options.IsEmpty, $"{where}: choice input '{input.Name}' has no options.");
                Require(choice.Default is null || choice.Options.Contains(choice.Default), $"{where}: choice input '{input.Name}' defaults to '{choice.Default}', which is not one of its options.");
            }
        }

        foreach (var parameter in workflow.ParameterValues.Keys)
        {
            RequireNotSecret(context.RequireParameter(parameter, $"WithParameterValue(\"{parameter}\", ...)"), where);
        }

        foreach (var (parameter, secret) in workflow.SecretNames)
        {
            Require(SecretName().IsMatch(secret), $"{where}: '{secret}' (the secret for {parameter}) is not a valid secret name; use letters, digits and '_'.");
        }

        foreach (var parameter in workflow.WithheldSecrets)
        {
            Require(context.RequireParameter(parameter, $"WithoutSecrets(\"{parameter}\")").IsSecret, $"{where}: WithoutSecrets(\"{parameter}\") names a parameter that is not [Secret]; only secret parameters are passed from repository secrets.");
        }
    }

    private static void RequireNotSecret(ParameterDescriptor parameter, string where) =>
        Require(!parameter.IsSecret, $"{where}: the secret parameter '{parameter.Name}' would be set from a value written in the workflow or typed into a form. Store it as a repository secret; jobs that use it receive it automatically.");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new TollgateException(message);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex FileName();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ArtifactName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex InputName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SecretName();
}
