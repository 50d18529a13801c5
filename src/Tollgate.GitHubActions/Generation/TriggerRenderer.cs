using Tollgate.GitHubActions.Yaml;

namespace Tollgate.GitHubActions;

/// <summary>Writes the <c>on:</c> map: push, pull_request, schedule, workflow_dispatch, in that order, merged per event.</summary>
internal static class TriggerRenderer
{
    public static YamlMap Render(GitHubWorkflow workflow)
    {
        var on = new YamlMap();
        var pushes = workflow.Triggers.OfType<PushTrigger>().ToList();
        if (pushes.Count > 0)
        {
            on.Add("push", new YamlMap()
                .AddIfNotEmpty("branches", Union(pushes.SelectMany(p => p.Branches)))
                .AddIfNotEmpty("tags", Union(pushes.SelectMany(p => p.Tags)))
                .AddIfNotEmpty("paths", pushes.Any(p => p.Paths.IsEmpty) ? Union([]) : Union(pushes.SelectMany(p => p.Paths))));
        }

        var pullRequests = workflow.Triggers.OfType<PullRequestTrigger>().ToList();
        if (pullRequests.Count > 0)
        {
            // An empty filter means "all", so it wins over the others' filters.
            on.Add("pull_request", new YamlMap()
                .AddIfNotEmpty("branches", pullRequests.Any(p => p.Branches.IsEmpty) ? Union([]) : Union(pullRequests.SelectMany(p => p.Branches)))
                .AddIfNotEmpty("paths", pullRequests.Any(p => p.Paths.IsEmpty) ? Union([]) : Union(pullRequests.SelectMany(p => p.Paths))));
        }

        var schedules = workflow.Triggers.OfType<ScheduleTrigger>().Select(s => s.Cron).Distinct(StringComparer.Ordinal).ToList();
        if (schedules.Count > 0)
        {
            on.Add("schedule", new YamlSequence([.. schedules.Select(cron => new YamlMap().Add("cron", YamlNode.Quoted(cron)))]));
        }

        var dispatches = workflow.Triggers.OfType<WorkflowDispatchTrigger>().ToList();
        if (dispatches.Count > 0)
        {
            var inputs = new YamlMap();
            foreach (var input in dispatches.SelectMany(d => d.Inputs))
            {
                inputs.Add(input.Name, Input(input));
            }

            on.Add("workflow_dispatch", new YamlMap().AddIfNotEmpty("inputs", inputs));
        }

        return on;
    }

    private static YamlMap Input(WorkflowInput input)
    {
        var map = new YamlMap()
            .AddIfPresent("description", input.Description is null ? null : YamlNode.Text(input.Description))
            .Add("type", input.TypeName)
            .Add("required", YamlNode.Bool(input.Required));
        if (input.DefaultText is { } defaultText)
        {
            map.Add("default", input is BooleanInput ? new YamlScalar(defaultText, YamlScalarKind.Plain) : YamlNode.Text(defaultText));
        }

        if (input is ChoiceInput choice)
        {
            map.Add("options", YamlNode.Strings(choice.Options));
        }

        return map;
    }

    // Keeps first-seen order: the declaration's order is the reader's order.
    private static YamlSequence Union(IEnumerable<string> values) => YamlNode.Strings(values.Distinct(StringComparer.Ordinal));
}
