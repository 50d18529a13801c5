namespace Tollgate.Tests.Hosts;

public sealed class BuildHostsTests
{
    private static readonly Dictionary<string, string?> NoVariables = [];

    [Fact]
    public void GitHub_Actions_is_detected_from_the_environment_with_its_step_summary()
    {
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = "/tmp/summary.md" };

        var host = BuildHosts.Create(null, environment, TextWriter.Null, isOutputRedirected: true);

        host.Should().BeOfType<GitHubActionsHost>().Which.StepSummaryPath.Should().Be("/tmp/summary.md");
    }

    [Fact]
    public void The_host_option_wins_over_the_environment()
    {
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" };

        BuildHosts.Create("terminal", environment, TextWriter.Null, isOutputRedirected: true).Should().BeOfType<TerminalHost>();
        BuildHosts.Create("GitHub-Actions", NoVariables, TextWriter.Null, isOutputRedirected: false).Name.Should().Be("github-actions");
    }

    [Fact]
    public void A_terminal_is_coloured_and_interactive_unless_redirected_NO_COLOR_or_a_dumb_TERM_say_otherwise()
    {
        Options(NoVariables, redirected: false).Should().Match<TerminalOptions>(o => o.Colors && o.Interactive);
        Options(NoVariables, redirected: true).Should().Match<TerminalOptions>(o => !o.Colors && !o.Interactive);
        Options(new() { ["NO_COLOR"] = "1" }, redirected: false).Should().Match<TerminalOptions>(o => !o.Colors && o.Interactive);
        Options(new() { ["NO_COLOR"] = "" }, redirected: false).Colors.Should().BeTrue("an empty NO_COLOR does not count");
        Options(new() { ["TERM"] = "dumb" }, redirected: false).Should().Match<TerminalOptions>(o => o.Colors && !o.Interactive);
        Options(new() { ["COLUMNS"] = "73" }, redirected: true).Width.Should().Be(73);
        BuildHosts.Create(null, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "false" }, TextWriter.Null, true).Should().BeOfType<TerminalHost>();
    }

    [Fact]
    public void The_verbosity_reaches_the_terminal_host()
    {
        var host = BuildHosts.Create(null, NoVariables, TextWriter.Null, isOutputRedirected: true, Verbosity.Quiet);

        host.Should().BeOfType<TerminalHost>().Which.Options.Verbosity.Should().Be(Verbosity.Quiet);
    }

    [Fact]
    public void An_unknown_host_name_lists_the_valid_ones_and_the_nearest()
    {
        var create = () => BuildHosts.Create("github-action", NoVariables, TextWriter.Null, isOutputRedirected: true);

        create.Should().Throw<TollgateException>()
            .WithMessage("*'github-action'*Did you mean 'github-actions'?*terminal, github-actions*");
    }

    private static TerminalOptions Options(Dictionary<string, string?> environment, bool redirected)
    {
        var host = BuildHosts.Create(null, environment, TextWriter.Null, redirected);
        return host.Should().BeOfType<TerminalHost>().Subject.Options;
    }
}
