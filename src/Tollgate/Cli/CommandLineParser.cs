using System.Collections.Immutable;
using System.Globalization;

namespace Tollgate;

/// <summary>
/// Parses <c>./build.sh [targets] [--skip [targets]] [--flag [values]]</c>. Engine flags are recognised here; every
/// other flag is kept for the parameter resolver, which knows the build's parameters and reports unknown ones.
/// </summary>
internal static class CommandLineParser
{
    /// <summary>Engine flags that take no value.</summary>
    public static readonly ImmutableArray<string> SwitchFlags = ["plan", "help", "continue", "force", "no-logo"];

    /// <summary>Engine flags that take values.</summary>
    public static readonly ImmutableArray<string> ValueFlags = ["target", "skip", "root", "verbosity", "profile", "max-parallel", "host"];

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="TollgateException">A malformed engine flag (missing or invalid value).</exception>
    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CommandLineOptions();
        var targets = ImmutableArray.CreateBuilder<string>();
        var parameters = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?" or "/?")
            {
                options = options with { Help = true };
                continue;
            }

            if (!IsFlag(arg))
            {
                targets.Add(arg);
                continue;
            }

            var (flag, inlineValue) = Split(arg);
            var values = new List<string>();
            if (inlineValue is not null)
            {
                values.Add(inlineValue);
            }
            else if (!SwitchFlags.Contains(flag))
            {
                while (i + 1 < args.Count && !IsFlag(args[i + 1]))
                {
                    values.Add(args[++i]);
                }
            }

            options = Apply(options, flag, values, parameters);
        }

        return options with { Targets = options.Targets.AddRange(targets), Parameters = parameters.ToImmutable() };
    }

    /// <summary>Whether an argument is a flag (<c>--x</c>); negative numbers are values.</summary>
    public static bool IsFlag(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2
        && !double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static (string Flag, string? Value) Split(string arg)
    {
        var body = arg[2..];
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        var flag = (equals < 0 ? body : body[..equals]).ToLowerInvariant();
        return (flag, equals < 0 ? null : body[(equals + 1)..]);
    }

    private static CommandLineOptions Apply(CommandLineOptions options, string flag, List<string> values, ImmutableDictionary<string, ImmutableArray<string>>.Builder parameters)
    {
        switch (flag)
        {
            case "plan": return options with { Plan = Bool(flag, values) };
            case "help": return options with { Help = Bool(flag, values) };
            case "continue": return options with { Continue = Bool(flag, values) };
            case "force": return options with { Force = Bool(flag, values) };
            case "no-logo": return options with { NoLogo = Bool(flag, values) };
            case "target": return options with { Targets = options.Targets.AddRange(Required(flag, values, "a target name")) };
            case "skip": return options with { Skip = (options.Skip ?? []).AddRange(values) };
            case "root": return options with { Root = Single(flag, values, "a directory") };
            case "host": return options with { Host = Single(flag, values, "terminal or github-actions") };
            case "profile": return options with { Profiles = options.Profiles.AddRange(Required(flag, values, "a profile name")) };
            case "verbosity":
                var verbosity = Single(flag, values, "quiet, minimal, normal or verbose");
                return Enum.TryParse<Verbosity>(verbosity, ignoreCase: true, out var parsed) && !int.TryParse(verbosity, CultureInfo.InvariantCulture, out _)
                    ? options with { Verbosity = parsed }
                    : throw new TollgateException($"--verbosity '{verbosity}' is not valid. Use one of: quiet, minimal, normal, verbose.");
            case "max-parallel":
                var text = Single(flag, values, "a positive number");
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) && max > 0
                    ? options with { MaxParallel = max }
                    : throw new TollgateException($"--max-parallel '{text}' is not valid. Give a positive whole number, e.g. --max-parallel 4.");
            default:
                parameters[flag] = parameters.TryGetValue(flag, out var existing) ? existing.AddRange(values) : [.. values];
                return options;
        }
    }

    private static bool Bool(string flag, List<string> values) =>
        values.Count == 0 || (bool.TryParse(values[0], out var value)
            ? value
            : throw new TollgateException($"--{flag} takes no value (or true/false), not '{values[0]}'."));

    private static List<string> Required(string flag, List<string> values, string expected) =>
        values.Count > 0 ? values : throw new TollgateException($"--{flag} needs {expected}, e.g. --{flag} <value>.");

    private static string Single(string flag, List<string> values, string expected) =>
        values.Count == 1 ? values[0] : throw new TollgateException($"--{flag} needs exactly one value: {expected}.");
}
