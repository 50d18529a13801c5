using System.Collections.Immutable;
using System.Reflection;

namespace Tollgate;

internal sealed partial class BuildSession
{
    /// <summary>
    /// Maps command-line flags to parameters (unknown flags fail with the nearest valid one) and hands surplus values of
    /// single-valued parameters back as targets, so <c>--configuration Release Compile</c> invokes Compile.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> BindCommandLine(
        ImmutableArray<ParameterDescriptor> descriptors, CommandLineOptions options, out List<string> extraTargets)
    {
        extraTargets = [];
        var unknown = ParameterResolver.UnknownCommandLineKeys(descriptors, options.Parameters.Keys);
        if (unknown.Length > 0)
        {
            var engineFlags = CommandLineParser.SwitchFlags.Concat(CommandLineParser.ValueFlags).ToList();
            var (key, suggestion) = unknown[0];
            suggestion ??= NameSuggestions.Closest(key, engineFlags) is { } flag ? "--" + flag : null;
            var hint = suggestion is null ? " Run with --help to see every option." : $" Did you mean {suggestion}?";
            throw new TollgateException($"Unknown option --{key}.{hint}");
        }

        var bound = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in options.Parameters)
        {
            var descriptor = ParameterResolver.FindByCommandLineKey(descriptors, key)!;
            var isList = descriptor.ValueType.IsArray || (descriptor.ValueType.IsGenericType && descriptor.ValueType != typeof(string));
            var kept = values.ToList();
            if (descriptor.ValueType == typeof(bool) && kept.Count > 0 && !IsBoolText(kept[0]))
            {
                extraTargets.AddRange(kept);
                kept = [];
            }
            else if (!isList && kept.Count > 1)
            {
                extraTargets.AddRange(kept.Skip(1));
                kept = [kept[0]];
            }

            bound[ParameterNames.ToKebabCase(descriptor.Name)] = kept;
        }

        return bound;
    }

    private static bool IsBoolText(string text) =>
        bool.TryParse(text, out _) || text is "0" or "1" or "yes" or "no" or "Yes" or "No";

    /// <summary>A target name that a parameter file gave and the build does not have is an error naming that file and line.</summary>
    private void CheckTargetNamesFromFiles()
    {
        var fromFiles = new[] { (_options.TargetsOrigin, Names: _options.Targets), (_options.SkipOrigin, Names: _options.Skip ?? []) };
        foreach (var (origin, names) in fromFiles.Where(f => f.Item1 is not null))
        {
            foreach (var name in names.Where(n => !_graph.TryGet(n, out _)))
            {
                try
                {
                    _graph.Get(name);
                }
                catch (TollgateException exception)
                {
                    throw new TollgateException($"{origin}: {exception.Message}", exception);
                }
            }
        }
    }

    /// <summary>Checks every executing target's requirements before anything runs; reports all problems at once.</summary>
    private void CheckRequirements(ExecutionPlan plan)
    {
        var executing = plan.Targets.Where(t => !t.Skipped).ToList();
        var requiredParameters = executing
            .SelectMany(t => t.Spec.Requirements.OfType<TargetRequirement.Parameter>())
            .Select(r => r.ParameterName);
        ParameterValidation.EnsureRequired(_descriptors, _parameters, requiredParameters);

        var problems = new List<string>();
        foreach (var target in executing)
        {
            foreach (var requirement in target.Spec.Requirements)
            {
                switch (requirement)
                {
                    case TargetRequirement.Check check when !Evaluate(target.Name, check.Condition):
                        problems.Add($"Target '{target.Name}' requires {check.Condition.Text}, which is false.");
                        break;
                    case TargetRequirement.Tool tool when _services.Tools.TryFind(tool.ToolName) is null:
                        problems.Add($"Target '{target.Name}' requires the tool '{tool.ToolName}', which is not on PATH nor in .nuke/temp/tools. Install it, or skip the target with --skip {target.Name}.");
                        break;
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new TollgateException(string.Join(Environment.NewLine, problems));
        }
    }

    private static bool Evaluate(string target, TargetCondition condition)
    {
        try
        {
            return condition.Evaluate();
        }
        catch (Exception exception) when (exception is not TollgateException)
        {
            throw new TollgateException($"Target '{target}': evaluating Requires({condition.Text}) threw {exception.GetType().Name}: {exception.Message}", exception);
        }
    }

    /// <summary>Runs the build extensions found on the build class and on the component interfaces it implements.</summary>
    private async Task RunExtensionsAsync(ExecutionPlan plan, CancellationToken cancellationToken)
    {
        var type = _build.GetType();
        var extensions = type.GetCustomAttributes<BuildExtensionAttribute>(inherit: true)
            .Concat(type.GetInterfaces().OrderBy(i => i.FullName, StringComparer.Ordinal).SelectMany(i => i.GetCustomAttributes<BuildExtensionAttribute>()))
            .ToList();
        if (extensions.Count == 0)
        {
            return;
        }

        var context = new BuildStartingContext
        {
            Build = _build,
            Graph = _graph,
            Plan = plan,
            Parameters = _parameters,
            ParameterDescriptors = _descriptors,
        };
        foreach (var extension in extensions)
        {
            await extension.OnBuildStartingAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }
}
