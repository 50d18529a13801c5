using System.Collections.Immutable;

namespace Tollgate;

/// <summary>One run of a build: everything resolved from the command line, ready to print help or the plan, or to execute.</summary>
internal sealed partial class BuildSession
{
    private readonly TollgateBuild _build;
    private readonly CommandLineOptions _options;
    private readonly BuildRunSettings _settings;
    private readonly IBuildHost _host;
    private readonly BuildLog _log;
    private readonly AbsolutePath _root;
    private readonly ImmutableArray<ParameterDescriptor> _descriptors;
    private readonly ResolvedParameters _parameters;
    private readonly TargetGraph _graph;
    private readonly BuildServices _services;

    private BuildSession(
        TollgateBuild build,
        CommandLineOptions options,
        BuildRunSettings settings,
        IBuildHost host,
        BuildLog log,
        AbsolutePath root,
        ImmutableArray<ParameterDescriptor> descriptors,
        ResolvedParameters parameters,
        TargetGraph graph,
        BuildServices services)
    {
        _build = build;
        _options = options;
        _settings = settings;
        _host = host;
        _log = log;
        _root = root;
        _descriptors = descriptors;
        _parameters = parameters;
        _graph = graph;
        _services = services;
    }

    private AbsolutePath TemporaryDirectory => _root / ".nuke" / "temp";

    /// <summary>Where each child process's full output is kept: <c>.nuke/temp/logs</c>.</summary>
    internal static AbsolutePath ProcessLogDirectory(AbsolutePath root) => root / ".nuke" / "temp" / "logs";

    /// <summary>Resolves the root, the services, the parameters and the target graph.</summary>
    public static BuildSession Create(TollgateBuild build, CommandLineOptions options, AbsolutePath root, string? defaultTarget, BuildRunSettings settings, IBuildHost host)
    {
        var masker = new SecretMasker();
        var log = new BuildLog(host, masker, options.Verbosity ?? Verbosity.Normal);
        var tools = new ToolLocator(root / ".nuke" / "temp" / "tools", settings.Environment.GetValueOrDefault("PATH"));
        var isServerBuild = host.Name != BuildHosts.Terminal
            || string.Equals(settings.Environment.GetValueOrDefault("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var invocation = new BuildInvocation();
        var processes = new ProcessRunner(log, masker, tools, ProcessLogDirectory(root));
        var services = new BuildServices(root, log, processes, tools, host, isServerBuild, invocation, settings.Environment, new TargetNotes(masker));
        build.Initialize(services);

        var descriptors = ParameterDiscovery.Find(build);
        var commandLine = BindCommandLine(descriptors, options, out var extraTargets);
        options = options with { Targets = options.Targets.AddRange(extraTargets) };
        var sources = new ParameterSources(commandLine, settings.Environment, root, options.Profiles);
        var parameters = ParameterResolver.Resolve(descriptors, sources);
        foreach (var secret in parameters.SecretValues)
        {
            log.RegisterSecret(secret);
        }

        ParameterInjector.Apply(build, parameters);
        invocation.SetParameters(parameters);

        var graph = TargetDiscovery.Discover(build, defaultTarget);
        return new BuildSession(build, options, settings, host, log, root, descriptors, parameters, graph, services);
    }

    /// <summary>Prints help or the plan, or executes the plan.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken, CancellationToken abortToken)
    {
        WriteSchema();
        if (_options.Help)
        {
            WriteHelp();
            return 0;
        }

        CheckTargetNamesFromFiles();
        var request = new PlanRequest(_options.Targets, _options.Skip);
        _services.Invocation.SetInvokedTargets(Planner.InvokedTargets(_graph, request));
        var plan = Planner.Plan(_graph, request);
        if (_options.Plan)
        {
            return WritePlan(plan);
        }

        if (!_options.NoLogo)
        {
            _host.WriteLogo(_build.GetType().Name);
        }

        CheckRequirements(plan);
        ClearProcessLogs();
        await RunExtensionsAsync(plan, cancellationToken).ConfigureAwait(false);

        var invocation = ContinueState.InvocationHash(plan.Invoked, _options.Skip, _parameters.ComputeFingerprint());
        var continueState = new ContinueState(TemporaryDirectory / "continue.json");
        var executor = new Executor(_host, _log, _log.BeginTarget, new ExecutorOptions
        {
            MaxParallel = _options.MaxParallel ?? Environment.ProcessorCount,
            Force = _options.Force,
            PreviouslySucceeded = LoadContinue(continueState, invocation),
            Incremental = new IncrementalState(_root, TemporaryDirectory / "state", ParameterFingerprint),
            Notes = _services.Notes,
        });
        var report = await executor.ExecuteAsync(plan, cancellationToken, abortToken).ConfigureAwait(false);
        continueState.Save(invocation, report);
        _host.WriteSummary(report);
        return report.ExitCode;
    }

    private IReadOnlySet<string> LoadContinue(ContinueState state, string invocation)
    {
        if (!_options.Continue)
        {
            return new HashSet<string>();
        }

        var succeeded = state.TryLoad(invocation, out var mismatch);
        if (succeeded is null)
        {
            _log.Warning($"--continue: running every target because {mismatch}.");
            return new HashSet<string>();
        }

        _log.Information($"--continue: resuming; {succeeded.Count} target(s) succeeded in the failed run and are skipped.");
        return succeeded;
    }

    /// <summary>The fingerprint of the parameters a target sees: those it declares it uses, else all of them.</summary>
    private string ParameterFingerprint(TargetSpec target)
    {
        if (target.UsedParameters.IsEmpty)
        {
            return _parameters.ComputeFingerprint();
        }

        var used = target.UsedParameters.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ResolvedParameters(_parameters.ByName.Values.Where(p => used.Contains(p.Descriptor.Name))).ComputeFingerprint();
    }

    private int WritePlan(ExecutionPlan plan)
    {
        PlanTextWriter.Write(plan, _settings.Output);
        var path = TemporaryDirectory.CreateDirectory() / "plan.html";
        using (var writer = new StreamWriter(path))
        {
            PlanHtmlWriter.Write(plan, writer);
        }

        _settings.Output.WriteLine($"Plan graph written to {path.RelativeTo(_root)}");
        return 0;
    }

    // The files of the last run go, so what is in .nuke/temp/logs belongs to this run (names restart at 1).
    private void ClearProcessLogs()
    {
        var directory = ProcessLogDirectory(_root);
        if (!directory.DirectoryExists())
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.log"))
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _log.Debug($"Could not delete {file}: {exception.Message}");
            }
        }
    }

    /// <summary>
    /// Where a plain <c>--help</c> (no other argument) is kept for the bootstrapper: help is a function of the compiled
    /// build and the parameter files, so build.sh prints this file instead of starting the runtime while the build
    /// assembly and <c>.nuke/*.json</c> are older than it.
    /// </summary>
    internal static AbsolutePath HelpCache(AbsolutePath root) => root / ".nuke" / "temp" / "help.txt";

    private void WriteHelp()
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        HelpWriter.Write(_graph, _descriptors, text, _graph.DefaultTarget);
        var help = text.ToString();
        _settings.Output.Write(help);
        if (!IsPlainHelp)
        {
            return;
        }

        try
        {
            var cache = HelpCache(_root);
            TemporaryDirectory.CreateDirectory();
            File.WriteAllText(cache + ".next", help);
            File.Move(cache + ".next", cache, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _log.Debug($"Could not keep the help text for build.sh: {exception.Message}");
        }
    }

    // Only what build.sh serves from the cache: `--help` alone (targets and host may come from .nuke/parameters.json,
    // whose changes build.sh watches).
    private bool IsPlainHelp => _options is { Skip: null, Root: null, Verbosity: null, MaxParallel: null, Plan: false, Continue: false, Force: false }
        && _options.Profiles.IsEmpty && _options.Parameters.IsEmpty && (_options.Targets.IsEmpty || _options.TargetsOrigin is not null);

    private void WriteSchema()
    {
        try
        {
            var schema = BuildSchemaGenerator.Generate(_descriptors, _graph);
            if (BuildSchemaGenerator.WriteIfChanged(_root / ".nuke" / "build.schema.json", schema))
            {
                _log.Debug("Updated .nuke/build.schema.json");
            }
        }
        catch (IOException exception)
        {
            _log.Warning($"Could not update .nuke/build.schema.json: {exception.Message}");
        }
    }
}
