using System.Runtime.InteropServices;

namespace Tollgate;

/// <summary>
/// Runs a build from its command line: finds the root, resolves parameters, discovers targets, plans, checks
/// requirements, then prints help or the plan, or executes and prints the summary.
/// </summary>
internal static partial class BuildRunner
{
    /// <summary>
    /// Runs a build in this process with console output and Ctrl-C handling: the first Ctrl-C (or SIGTERM) cancels
    /// gracefully (running targets stop, their child process trees are killed after the grace period, assured targets
    /// still run); the second aborts everything.
    /// </summary>
    public static int RunFromConsole(TollgateBuild build, string[] args, string? defaultTarget)
    {
        using var graceful = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (graceful.IsCancellationRequested)
            {
                abort.Cancel();
            }
            else
            {
                graceful.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        var settings = new BuildRunSettings { Output = output };
        return RunAsync(build, args, defaultTarget, settings, graceful.Token, abort.Token).GetAwaiter().GetResult();
    }

    /// <summary>Runs a build; returns the exit code (0 success, 1 failure). Output goes to <see cref="BuildRunSettings.Output"/>.</summary>
    public static async Task<int> RunAsync(
        TollgateBuild build,
        IReadOnlyList<string> args,
        string? defaultTarget,
        BuildRunSettings settings,
        CancellationToken cancellationToken,
        CancellationToken abortToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(settings);
        IBuildHost? host = null;
        try
        {
            var options = CommandLineParser.Parse(args);
            var root = RootDirectoryLocator.Find(options.Root, settings.CurrentDirectory);
            options = EngineFileOptions.Apply(options, root);
            host = CreateHost(options, settings);
            var session = BuildSession.Create(build, options, root, defaultTarget, settings, host);
            return await session.RunAsync(cancellationToken, abortToken).ConfigureAwait(false);
        }
        catch (TollgateException exception)
        {
            WriteFatal(host, settings.Output, exception.Message);
            return 1;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in the engine or in a build extension: show everything, it is needed to fix it.
            WriteFatal(host, settings.Output, $"Unexpected error: {exception}");
            return 1;
        }
    }

    private static IBuildHost CreateHost(CommandLineOptions options, BuildRunSettings settings)
    {
        try
        {
            return BuildHosts.Create(options.Host, settings.Environment, settings.Output, settings.OutputRedirected, options.Verbosity ?? Verbosity.Normal);
        }
        catch (TollgateException exception) when (options.HostOrigin is { } origin)
        {
            throw new TollgateException($"{origin}: {exception.Message.Replace("--host", "'Host'", StringComparison.Ordinal)}", exception);
        }
    }

    private static void WriteFatal(IBuildHost? host, TextWriter output, string message)
    {
        if (host is null)
        {
            output.WriteLine($"error: {message}");
            output.WriteLine("Build failed");
        }
        else
        {
            // The summary (and on GitHub Actions the step summary, with anything extensions appended) still gets
            // written: a build that fails before its targets run must say why where people look.
            host.WriteLine(LogLevel.Error, null, message);
            var note = string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            note = note.Length > 300 ? note[..297] + "..." : note;
            // The message was just written; the row's Failure keeps the log's table from repeating it (a step summary keeps the note).
            host.WriteSummary(new BuildReport([new TargetResult("(before targets)", TargetStatus.Failed, TimeSpan.Zero, note) { Failure = message }], TimeSpan.Zero));
        }

        output.Flush();
    }
}
