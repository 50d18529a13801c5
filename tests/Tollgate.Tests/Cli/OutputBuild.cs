namespace Tollgate.Tests.Cli;

/// <summary>A build whose targets run real child processes and a service, for the console-output tests.</summary>
public sealed class OutputBuild : TollgateBuild
{
    /// <summary>Two lines of output and success.</summary>
    public Target Compile => _ => _.Executes(ct =>
        Processes.RunAsync(new CommandSpec("bash").WithArguments("-c", "for w in one two; do echo compiled-$w; done; echo compiled-three >&2"), ct));

    /// <summary>Progress on stdout, the cause on stderr, exit code 3.</summary>
    public Target Test => _ => _.Executes(ct =>
        Processes.RunAsync(new CommandSpec("bash").WithArguments("-c", "echo running 12 tests; echo 'error: 3 tests failed' >&2; exit 3"), ct));

    /// <summary>A service that logs, reports ready, and is stopped when the target ends.</summary>
    public Target Serve => _ => _.Executes(async ct =>
    {
        await using var service = Processes.Start(new CommandSpec("bash").WithArguments("-c", "echo service warming up; echo listening; sleep 30"));
        await service.WaitForOutputAsync(line => line == "listening", TimeSpan.FromSeconds(20), ct);
    });

    /// <summary>A service that dies before it is ready.</summary>
    public Target ServeBroken => _ => _.Executes(async ct =>
    {
        await using var service = Processes.Start(new CommandSpec("bash").WithArguments("-c", "echo service warming up; echo 'port 5000 in use' >&2; exit 4"));
        await service.WaitForOutputAsync(line => line == "listening", TimeSpan.FromSeconds(20), ct);
    });

    /// <summary>A bug in the build script: not a TollgateException.</summary>
    public Target Crash => _ => _.Executes(() => throw new InvalidOperationException("the list was empty"));
}
