using Tollgate.Tests.TestSupport;

namespace Tollgate.Tests.Processes;

public sealed class ProcessOutputHandlerTests
{
    private readonly CollectingLog _log = new();
    private readonly SecretMasker _masker = new();

    [Fact]
    public async Task I_can_follow_every_line_of_both_streams_as_it_arrives_while_the_log_still_gets_them()
    {
        var seen = new List<ProcessOutputLine>();
        var command = new CommandSpec("bash")
            .WithArguments("-c", "echo 'Pushing layer 1/2'; echo 'warning: slow' >&2; printf 'progress 50%%\\rprogress 100%%\\n'")
            .WithOutputHandler(line =>
            {
                lock (seen)
                {
                    seen.Add(line);
                }
            });

        await Runner().RunAsync(command, CancellationToken.None);

        seen.Where(line => !line.IsError).Select(line => line.Text).Should().Equal("Pushing layer 1/2", "progress 50%", "progress 100%");
        seen.Should().ContainSingle(line => line.IsError).Which.Should().Be(new ProcessOutputLine("warning: slow", ProcessOutputSource.StandardError));
        _log.Messages.Should().Contain("Pushing layer 1/2").And.Contain("warning: slow");
    }

    [Fact]
    public async Task I_can_follow_one_stream_only_and_a_started_service_feeds_my_handler_too()
    {
        var errors = new List<string>();
        var command = new CommandSpec("bash")
            .WithArguments("-c", "echo out-line; echo err-line >&2; echo ready; exec sleep 300")
            .WithOutputHandler(ProcessOutputSource.StandardError, line =>
            {
                lock (errors)
                {
                    errors.Add(line);
                }
            });

        await using var service = Runner().Start(command);
        await service.WaitForOutputAsync(line => line == "ready", TimeSpan.FromSeconds(30), CancellationToken.None);
        (await Eventually.HoldsAsync(() =>
        {
            lock (errors)
            {
                return errors.Count == 1;
            }
        })).Should().BeTrue();

        errors.Should().Equal("err-line");
    }

    [Fact]
    public async Task A_handler_that_throws_fails_the_run_after_the_process_ended_and_is_not_called_again()
    {
        var calls = 0;
        var command = new CommandSpec("bash")
            .WithArguments("-c", "echo first; echo second; echo finished > /dev/null")
            .WithOutputHandler(_ =>
            {
                Interlocked.Increment(ref calls);
                throw new FormatException("cannot parse the progress line");
            });

        var act = () => Runner().RunAsync(command, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ProcessException>()).Which;
        failure.InnerException.Should().BeOfType<FormatException>();
        failure.Message.Should().Contain("output handler").And.Contain("WithOutputHandler");
        calls.Should().Be(1);
        _log.Messages.Should().Contain("second", "the process ran to its end and its output was still logged");
    }

    [Fact]
    public async Task A_started_service_whose_handler_threw_reports_it_when_I_wait_for_its_exit()
    {
        await using var service = Runner().Start(
            new CommandSpec("bash").WithArguments("-c", "echo once").WithOutputHandler(_ => throw new InvalidOperationException("boom")));

        var act = () => service.WaitForExitAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<ProcessException>()).Which.InnerException.Should().BeOfType<InvalidOperationException>();
    }

    private ProcessRunner Runner() => new(_log, _masker, new ToolLocator(toolsDirectory: null));
}
