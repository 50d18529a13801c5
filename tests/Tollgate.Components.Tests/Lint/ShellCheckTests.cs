using Tollgate.Components.Lint;
using Tollgate.Components.Tests.TestSupport;

namespace Tollgate.Components.Tests.Lint;

public sealed class ShellCheckTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Json1_output_becomes_diagnostics_with_sc_codes_and_severities()
    {
        var json = $$"""
            {"comments":[
              {"file":"{{_directory.Path}}/build.sh","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,"message":"Double quote to prevent globbing and word splitting."},
              {"file":".ci/run","line":3,"column":1,"level":"warning","code":2164,"message":"Use 'cd ... || exit' or 'cd ... || return' in case cd fails."},
              {"file":".ci/run","line":4,"column":1,"level":"error","code":1009,"message":"The mentioned syntax error was in this if expression."}
            ]}
            """;

        var diagnostics = ShellCheckOutputParser.Parse(json, _directory.Path);

        diagnostics.Select(d => (d.File, d.Line, d.Column, d.Code, d.Severity)).Should().Equal(
            ("build.sh", 2, 6, "SC2086", LogLevel.Information),
            (".ci/run", 3, 1, "SC2164", LogLevel.Error),
            (".ci/run", 4, 1, "SC1009", LogLevel.Error));
        diagnostics[1].Message.Should().Contain("in case cd fails").And.Contain("shellcheck.net/wiki/SC2164");
    }

    [Fact]
    public void Output_that_is_not_json1_is_refused()
    {
        var parse = () => ShellCheckOutputParser.Parse("[]", _directory.Path);

        parse.Should().Throw<TollgateException>().WithMessage("*-f json1*");
    }

    [RequiresToolFact("shellcheck")]
    public async Task Real_shellcheck_finds_an_unchecked_cd_in_a_script_and_passes_a_clean_one()
    {
        Processes.Tools.TryFind("shellcheck").Should().NotBeNull("TOLLGATE_REQUIRE_TOOLS=1 requires shellcheck (apt-get install shellcheck)");
        _directory.Write("build.sh", "#!/usr/bin/env bash\nset -euo pipefail\ncd \"$(dirname \"$0\")\"\nexec dotnet run -- \"$@\"\n");
        _directory.Write(".ci/run", "#!/bin/sh\ncd /tmp\necho finished\n");
        var options = new LintOptions(_directory.Path);

        var result = await new LintRunner(Processes.Create(), Processes.Tools).RunShellCheckAsync(options, _directory.Path, CancellationToken.None);

        result.FilesChecked.Should().Be(2);
        var problem = result.Diagnostics.Should().ContainSingle().Subject;
        problem.ToString().Should().StartWith(".ci/run:2:1: error SC2164:");
    }

    [Fact]
    public async Task Without_shellcheck_the_check_is_a_warning_that_says_how_to_install_it()
    {
        _directory.Write("build.sh", "#!/bin/sh\necho hi\n");
        var emptyPath = new ToolLocator(toolsDirectory: null, pathVariable: _directory.Path);

        var result = await new LintRunner(Processes.Create(), emptyPath).RunShellCheckAsync(new LintOptions(_directory.Path), _directory.Path, CancellationToken.None);

        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain("not installed").And.Contain("apt-get install shellcheck");
        result.Note.Should().Be("not installed");
    }
}
