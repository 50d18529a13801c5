using System.Globalization;

namespace Tollgate;

/// <summary>Chooses the host for a build from <c>--host</c> and the environment.</summary>
internal static class BuildHosts
{
    /// <summary>The terminal host's name.</summary>
    public const string Terminal = "terminal";

    /// <summary>The GitHub Actions host's name.</summary>
    public const string GitHubActions = "github-actions";

    /// <summary>The names <c>--host</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [Terminal, GitHubActions];

    /// <summary>
    /// The host to use: <c>--host</c> wins; otherwise GitHub Actions when <c>GITHUB_ACTIONS=true</c>; otherwise the terminal,
    /// with colours unless <c>NO_COLOR</c> is set or output is redirected, and interactive (live status line) only when
    /// output is not redirected and <c>TERM</c> is not <c>dumb</c>.
    /// </summary>
    /// <param name="hostOption">The value of <c>--host</c>, if given.</param>
    /// <param name="environment">The environment variables.</param>
    /// <param name="output">Where the host writes.</param>
    /// <param name="isOutputRedirected">Whether <paramref name="output"/> is a file or pipe rather than a terminal.</param>
    /// <param name="verbosity">The build's verbosity; at <see cref="Verbosity.Quiet"/> the terminal leaves out target start lines.</param>
    /// <exception cref="TollgateException">The host name is not one of <see cref="Names"/>.</exception>
    public static IBuildHost Create(
        string? hostOption, IReadOnlyDictionary<string, string?> environment, TextWriter output, bool isOutputRedirected, Verbosity verbosity = Verbosity.Normal)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var name = hostOption is null ? Detect(environment) : Normalize(hostOption);
        return name switch
        {
            GitHubActions => new GitHubActionsHost(output, Get(environment, "GITHUB_STEP_SUMMARY")),
            _ => new TerminalHost(output, TerminalOptionsFor(environment, isOutputRedirected) with { Verbosity = verbosity }),
        };
    }

    /// <summary>The terminal options for an environment: the rules described on <see cref="Create"/>.</summary>
    public static TerminalOptions TerminalOptionsFor(IReadOnlyDictionary<string, string?> environment, bool isOutputRedirected)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var noColor = !string.IsNullOrEmpty(Get(environment, "NO_COLOR"));
        var dumb = string.Equals(Get(environment, "TERM"), "dumb", StringComparison.OrdinalIgnoreCase);
        return new TerminalOptions(
            Colors: !noColor && !isOutputRedirected,
            Interactive: !isOutputRedirected && !dumb,
            Width: Width(environment, isOutputRedirected));
    }

    private static string Detect(IReadOnlyDictionary<string, string?> environment) =>
        string.Equals(Get(environment, "GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase) ? GitHubActions : Terminal;

    private static string Normalize(string hostOption)
    {
        var match = Names.FirstOrDefault(n => string.Equals(n, hostOption.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        var closest = NameSuggestions.Closest(hostOption, Names);
        var hint = closest is null ? string.Empty : $" Did you mean '{closest}'?";
        throw new TollgateException(
            $"--host '{hostOption}' is not a known host.{hint} Valid hosts: {string.Join(", ", Names)}. " +
            "Leave --host out to pick one from the environment (GITHUB_ACTIONS=true selects github-actions).");
    }

    private static int Width(IReadOnlyDictionary<string, string?> environment, bool isOutputRedirected)
    {
        if (int.TryParse(Get(environment, "COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns >= 20)
        {
            return columns;
        }

        if (!isOutputRedirected)
        {
            try
            {
                var width = Console.WindowWidth;
                if (width >= 20)
                {
                    return width;
                }
            }
            catch (IOException)
            {
                // No console attached after all: fall back to the default width.
            }
        }

        return 120;
    }

    private static string? Get(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) ? value : null;
}
