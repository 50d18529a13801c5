using System.Diagnostics;
using System.Globalization;
using Tollgate.Evaluation;
using Tollgate.Evaluation.Bench;

// LlmEval benchmarks; see README.md. Each scenario runs in its own process so peak RSS (VmHWM) is its own.
var scenario = args.Length > 0 ? args[0] : "all";
var work = Path.Combine(Path.GetTempPath(), "tollgate-eval-bench-" + Environment.ProcessId);
try
{
    switch (scenario)
    {
        case "all":
            foreach (var name in new[] { "throughput", "cached", "proxy", "memory" })
            {
                using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, name) { UseShellExecute = false })!;
                await child.WaitForExitAsync();
                if (child.ExitCode != 0)
                {
                    return child.ExitCode;
                }
            }

            return 0;
        case "throughput":
            return await Throughput();
        case "cached":
            return await Cached();
        case "memory":
            return await Memory();
        case "proxy":
            return await ThroughProxy();
        case "suite" when args.Length > 1:
            return await RunSuite(args[1]);
        default:
            Console.Error.WriteLine($"unknown scenario '{scenario}': use all, throughput, cached, proxy or memory");
            return 2;
    }
}
finally
{
    if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }
}

async Task<int> Throughput()
{
    await using var server = await QueryServer.StartAsync(TimeSpan.FromMilliseconds(50));
    var suite = SuiteFiles.Create(work, 1000);
    var options = Options(server).WithConcurrency(16);
    await new EvaluationRunner().RunAsync(suite with { Cases = [.. suite.Cases.Take(32)] }, options, null, CancellationToken.None);
    var clock = Stopwatch.StartNew();
    var cpu = CpuMilliseconds();
    var run = await new EvaluationRunner().RunAsync(suite, options, null, CancellationToken.None);
    clock.Stop();
    cpu = CpuMilliseconds() - cpu;
    var rate = run.Cases.Count / clock.Elapsed.TotalSeconds;
    Report("throughput", $"1,000 cases, 50 ms server latency, concurrency 16: {clock.Elapsed.TotalSeconds:0.00} s = {rate:0} cases/s (limit 320, goal >= 250), process CPU {cpu:0} ms; {run.Passed} passed", rate >= 250);
    return 0;
}

async Task<int> Cached()
{
    await using var server = await QueryServer.StartAsync(TimeSpan.FromMilliseconds(50));
    var suite = SuiteFiles.Create(work, 1000);
    var cache = new CacheOptions(Path.Combine(work, "cache"));
    await new EvaluationRunner().RunAsync(suite, Options(server).WithHttpResponseCache("bench-inputs").WithConcurrency(16).WithCache(cache), null, CancellationToken.None);
    var before = server.Requests;
    var clock = Stopwatch.StartNew();
    var cpu = CpuMilliseconds();
    var run = await new EvaluationRunner().RunAsync(suite, Options(server).WithHttpResponseCache("bench-inputs").WithConcurrency(16).WithCache(cache.WithMode(CacheMode.ReadOnly)), null, CancellationToken.None);
    clock.Stop();
    cpu = CpuMilliseconds() - cpu;
    var requests = server.Requests - before;
    Report("cached", $"cached re-run of 1,000 cases (read-only): {clock.Elapsed.TotalMilliseconds:0} ms (process CPU {cpu:0} ms), {requests} HTTP requests, {run.CacheHits} hits (goal < 1 s, 0 requests)", clock.Elapsed < TimeSpan.FromSeconds(1) && requests == 0);
    return 0;
}

// The service runs for real and calls its model through LlmEval's model proxy; the provider behind it takes 50 ms.
// A recording run (read-write) and a replay (read-only: the service still answers every case, the provider sees nothing).
async Task<int> ThroughProxy()
{
    await using var provider = await ModelProvider.StartAsync(TimeSpan.FromMilliseconds(50));
    var cache = new CacheOptions(Path.Combine(work, "proxy-cache"));
    var suite = SuiteFiles.Create(work, 1000);
    double record, replay, recordCpu, replayCpu;
    EvalRunResult run;
    await using (var proxy = await ModelProxy.StartAsync(new ModelProxyOptions(cache, provider.BaseUrl, "sk-bench"), CancellationToken.None))
    {
        await using var server = await QueryServer.StartAsync(TimeSpan.Zero, proxy.BaseUrl);
        var clock = Stopwatch.StartNew();
        var cpu = CpuMilliseconds();
        run = await new EvaluationRunner().RunAsync(suite, Options(server).WithConcurrency(16), null, CancellationToken.None);
        record = clock.Elapsed.TotalSeconds;
        recordCpu = CpuMilliseconds() - cpu;
    }

    var sent = provider.Requests;
    await using (var proxy = await ModelProxy.StartAsync(new ModelProxyOptions(cache.WithMode(CacheMode.ReadOnly), provider.BaseUrl, "sk-bench"), CancellationToken.None))
    {
        await using var server = await QueryServer.StartAsync(TimeSpan.Zero, proxy.BaseUrl);
        var clock = Stopwatch.StartNew();
        var cpu = CpuMilliseconds();
        var replayed = await new EvaluationRunner().RunAsync(suite, Options(server).WithConcurrency(16), null, CancellationToken.None);
        replay = clock.Elapsed.TotalSeconds;
        replayCpu = CpuMilliseconds() - cpu;
        Report("proxy", $"1,000 cases through the model proxy, 50 ms provider latency, concurrency 16: recording {record:0.00} s = {1000 / record:0} cases/s, process CPU {recordCpu:0} ms ({run.Passed} passed, {sent} provider calls); replay {replay * 1000:0} ms, process CPU {replayCpu:0} ms ({replayed.Passed} passed, {provider.Requests - sent} provider calls)", provider.Requests == sent && replayed.Passed == run.Passed);
    }

    return 0;
}

async Task<int> Memory()
{
    await using var server = await QueryServer.StartAsync(TimeSpan.Zero);
    var clock = Stopwatch.StartNew();
    var suite = SuiteFiles.Create(work, 20_000);
    Phase("loaded");
    var run = await new EvaluationRunner().RunAsync(suite, Options(server).WithConcurrency(16), null, CancellationToken.None);
    Phase("ran");
    var gates = new GateEvaluator(GateOptions.Default).Evaluate(suite, run, null);
    Phase("gated");
    ReportWriters.WriteAll(Path.Combine(work, "reports"), new ReportContext(suite, run, gates, null));
    Phase("reported");
    clock.Stop();
    var peakMb = PeakRssMegabytes();
    Report("memory", $"20,000 cases (load, run, gates, all four reports) in {clock.Elapsed.TotalSeconds:0.0} s: peak RSS {peakMb:0} MB (VmHWM; goal < 300 MB); {run.Passed} passed", peakMb < 300);
    return 0;
}

// Runs any suite file with the process environment (e.g. RESEARCH_ASSISTANT_URL) and prints the step summary.
async Task<int> RunSuite(string path)
{
    var suite = SuiteLoader.Load(path);
    var run = await new EvaluationRunner().RunAsync(suite, EvalRunOptions.Default, null, CancellationToken.None);
    var gates = new GateEvaluator(GateOptions.Default).Evaluate(suite, run, BaselineStore.For(suite).Load());
    Console.WriteLine(MarkdownReport.Render(new ReportContext(suite, run, gates, null)));
    return gates.Passed ? 0 : 1;
}

EvalRunOptions Options(QueryServer server) =>
    EvalRunOptions.Default.WithEnvironment(name => name == "BENCH_URL" ? server.QueryUrl.ToString() : null);

static void Phase(string name)
{
    if (Environment.GetEnvironmentVariable("BENCH_PHASES") == "1")
    {
        Console.WriteLine($"  {name}: peak RSS {PeakRssMegabytes():0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB");
    }
}

// CPU time of this process (service, proxy, provider and runner all run in it): on a shared, loaded machine a steadier
// figure than wall-clock time for comparing two builds.
static double CpuMilliseconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

static double PeakRssMegabytes()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

static void Report(string name, string text, bool metGoal) =>
    Console.WriteLine($"{name}: {text} [{(metGoal ? "goal met" : "GOAL MISSED")}]");
