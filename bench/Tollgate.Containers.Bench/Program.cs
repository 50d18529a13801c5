// Container benchmarks (see bench/README.md):
//   context  — a 500 MB build context streamed to the daemon; prints this process's peak RSS (goal < 150 MB).
//   cli      — the same Dockerfile built through Tollgate and through `docker build` (classic builder) against the
//              same daemon, cold (no cache) and warm (layer cache); prints medians and the ratio (goal <= 1.0).
using System.Diagnostics;
using System.Globalization;
using Tollgate;
using Tollgate.Containers;

var mode = args.Length > 0 ? args[0] : "all";
var log = new ConsoleLog();
using var client = await ContainerEngineClient.ConnectAsync(log, CancellationToken.None);
var session = "bench-" + TollgateLabels.NewSession();
var labels = TollgateLabels.For(session, "bench");
var runtime = await new HostDotnetBaseImages(client, new ProcessRunner(log, new SecretMasker(), new ToolLocator(null)), log).EnsureRuntimeImageAsync(CancellationToken.None);
var work = Directory.CreateTempSubdirectory("tollgate-bench-");
try
{
    if (mode is "all" or "context")
    {
        await ContextBenchmark();
    }

    if (mode is "all" or "cli")
    {
        await CliBenchmark();
    }
}
finally
{
    await client.RemoveByLabelAsync(TollgateLabels.SessionFilter(session), includeImages: true, CancellationToken.None);
    work.Delete(recursive: true);
}

async Task ContextBenchmark()
{
    var context = Directory.CreateDirectory(Path.Combine(work.FullName, "big"));
    var buffer = new byte[1 << 20];
    Random.Shared.NextBytes(buffer);
    for (var file = 0; file < 50; file++)
    {
        await using var stream = File.Create(Path.Combine(context.FullName, $"blob-{file:00}.bin"));
        for (var mb = 0; mb < 10; mb++)
        {
            buffer[0] = (byte)mb;
            await stream.WriteAsync(buffer);
        }
    }

    // The daemon receives the whole context; the Dockerfile copies one small file so the layer stays small.
    await File.WriteAllTextAsync(Path.Combine(context.FullName, "small.txt"), "small");
    await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), $"FROM {runtime.Reference}\nCOPY small.txt /small.txt\n");
    var before = PeakRssMb();
    var built = await client.BuildImageAsync(new ImageBuildRequest(context.FullName) { Labels = labels, NoCache = true }, CancellationToken.None);
    var peak = PeakRssMb();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"context: {built.ContextBytes / 1024.0 / 1024.0:0} MB in {built.ContextFiles} files streamed and built in {built.Duration.TotalSeconds:0.0} s; peak RSS {peak:0} MB (before the build {before:0} MB; goal < 150 MB)"));
}

async Task CliBenchmark()
{
    var context = Directory.CreateDirectory(Path.Combine(work.FullName, "app"));
    for (var i = 0; i < 200; i++)
    {
        await File.WriteAllTextAsync(Path.Combine(context.FullName, $"file-{i:000}.txt"), new string('x', 20_000 + i));
    }

    await File.WriteAllTextAsync(Path.Combine(context.FullName, ".dockerignore"), "*.tmp\n");
    await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"),
        $"FROM {runtime.Reference} AS build\nCOPY . /src/\nRUN [\"dotnet\", \"--list-runtimes\"]\nFROM {runtime.Reference}\nCOPY --from=build /src/ /app/\nENV READY=1\n");
    const int Runs = 5;
    var results = new Dictionary<string, double>();
    foreach (var cold in new[] { true, false })
    {
        var tollgate = new List<double>();
        var cli = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            // Who goes first alternates, so neither side always pays for a cold page cache or a busy daemon.
            if (run % 2 == 0)
            {
                tollgate.Add(await TimeAsync(() => TollgateBuildAsync(context.FullName, cold)));
                cli.Add(await TimeAsync(() => DockerCliAsync(context.FullName, cold)));
            }
            else
            {
                cli.Add(await TimeAsync(() => DockerCliAsync(context.FullName, cold)));
                tollgate.Add(await TimeAsync(() => TollgateBuildAsync(context.FullName, cold)));
            }
        }

        var name = cold ? "cold" : "warm";
        results[name] = Median(tollgate) / Median(cli);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: Tollgate median {Median(tollgate):0.00} s, docker build CLI median {Median(cli):0.00} s over {Runs} runs each (interleaved, order alternating); ratio {results[name]:0.00} (goal <= 1.0)"));
    }
}

Task TollgateBuildAsync(string context, bool noCache) =>
    client.BuildImageAsync(new ImageBuildRequest(context) { Labels = labels, NoCache = noCache, Tags = [$"localhost/tollgate-bench:{session}-t"] }, CancellationToken.None);

static async Task<double> TimeAsync(Func<Task> action)
{
    var stopwatch = Stopwatch.StartNew();
    await action();
    return stopwatch.Elapsed.TotalSeconds;
}

async Task DockerCliAsync(string context, bool noCache)
{
    var start = new ProcessStartInfo("/usr/local/bin/docker") { RedirectStandardOutput = true, RedirectStandardError = true };
    // The same labels as Tollgate's build: the classic builder turns each label into a LABEL step of its own (a commit).
    var labelArguments = labels.SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" });
    string[] arguments = ["build", "-q", .. labelArguments, "-t", $"localhost/tollgate-bench:{session}-c", .. noCache ? ["--no-cache"] : Array.Empty<string>(), context];
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    // The classic builder, as the Engine API offers it (there is no BuildKit here).
    start.Environment["DOCKER_BUILDKIT"] = "0";
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"docker build failed ({process.ExitCode}): {error}{await output}");
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static double PeakRssMb()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

internal sealed class ConsoleLog : IBuildLog
{
    public void Write(LogLevel level, string message)
    {
        if (level >= LogLevel.Information)
        {
            Console.WriteLine($"  [{level}] {message}");
        }
    }
}
