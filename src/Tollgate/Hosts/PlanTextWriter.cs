using System.Globalization;

namespace Tollgate;

/// <summary>
/// Writes an execution plan as text for <c>--plan</c>: the targets in execution order, each with its decision (execute
/// or skip and why), how it got into the plan (invoked, triggered), its direct dependencies and ordering constraints,
/// then a legend.
/// </summary>
internal static class PlanTextWriter
{
    /// <summary>Writes <paramref name="plan"/> to <paramref name="writer"/>.</summary>
    public static void Write(ExecutionPlan plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        var skipped = plan.Targets.Count(t => t.Skipped);
        var invoked = plan.Invoked.IsEmpty ? "none" : string.Join(", ", plan.Invoked);
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Execution plan: {plan.Targets.Length} target{(plan.Targets.Length == 1 ? string.Empty : "s")}, {skipped} skipped (invoked: {invoked})"));
        writer.WriteLine();

        var inPlan = plan.Targets.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var numberWidth = plan.Targets.Length.ToString(CultureInfo.InvariantCulture).Length;
        var indent = new string(' ', numberWidth + 4);
        for (var i = 0; i < plan.Targets.Length; i++)
        {
            var target = plan.Targets[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(numberWidth);
            writer.WriteLine($"{number}. {Headline(target)}");
            if (!target.Spec.DependsOn.IsEmpty)
            {
                writer.WriteLine($"{indent}-> {string.Join(", ", target.Spec.DependsOn)}");
            }

            var after = target.Spec.After.Where(inPlan.Contains).ToList();
            if (after.Count > 0)
            {
                writer.WriteLine($"{indent}after {string.Join(", ", after)}");
            }

            var triggers = target.Spec.Triggers.Where(inPlan.Contains).ToList();
            if (triggers.Count > 0)
            {
                writer.WriteLine($"{indent}triggers {string.Join(", ", triggers)}");
            }
        }

        writer.WriteLine();
        writer.WriteLine("Legend: ▶ executes   ○ skipped (reason)   -> depends on (runs first, must succeed)");
        writer.WriteLine("        after X: ordering only   triggers X: X runs after this one   (invoked): named on the command line or default");
    }

    private static string Headline(PlannedTarget target)
    {
        var marks = new List<string>();
        if (target.IsInvoked)
        {
            marks.Add("(invoked)");
        }

        if (target.TriggeredBy is not null)
        {
            marks.Add($"(triggered by {target.TriggeredBy})");
        }

        if (target.Skipped)
        {
            marks.Add("skip: " + TargetStatusText.OneLine(target.SkipReason ?? "skipped"));
        }

        var symbol = target.Skipped ? "○" : "▶";
        return marks.Count == 0 ? $"{symbol} {target.Name}" : $"{symbol} {target.Name}  {string.Join("  ", marks)}";
    }
}
