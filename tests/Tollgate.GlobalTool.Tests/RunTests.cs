using Tollgate.TestSupport;

namespace Tollgate.GlobalTool.Tests;

public sealed class RunTests : IDisposable
{
    private readonly TempDirectory _repository = new("tollgate-run");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Tollgate_finds_the_root_from_a_subfolder_runs_build_sh_with_the_arguments_and_returns_its_exit_code()
    {
        Directory.CreateDirectory(_repository[".nuke"]);
        _repository.Write("build.sh", "printf '%s|' \"$@\" > \"$(dirname \"$0\")/args.txt\"\nexit 3\n");
        var nested = Directory.CreateDirectory(_repository["src/app"]).FullName;

        var (exitCode, _, _) = await ToolRun.RunAsync(nested, "Test", "--configuration", "Release Build");

        exitCode.Should().Be(3);
        File.ReadAllText(_repository["args.txt"]).Should().Be("Test|--configuration|Release Build|");
    }

    [Fact]
    public async Task Outside_a_repository_it_says_how_to_set_one_up()
    {
        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, "Test");
        exitCode.Should().Be(1);
        error.Should().Contain("no directory from").And.Contain("tollgate :setup");
    }

    [Fact]
    public async Task A_root_without_a_bootstrapper_is_reported()
    {
        Directory.CreateDirectory(_repository[".nuke"]);
        var (exitCode, _, error) = await ToolRun.RunAsync(_repository.Path, "Test");
        exitCode.Should().Be(1);
        error.Should().Contain("has .nuke/ but no build.sh");
    }
}
