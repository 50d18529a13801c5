using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Security.Secrets;

// Working-tree secret scan benchmark: Tollgate's SecretScanner against secretlint (tools/secretlint) on the same
// generated corpus, with recall on the planted secrets. Usage: dotnet run -c Release --project bench/Tollgate.Security.Bench [-- <megabytes>]
var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
var root = FindRoot();
var corpusDirectory = Path.Combine(Path.GetTempPath(), $"tollgate-secret-bench-{Guid.NewGuid():N}"[..36]);
try
{
    var corpus = new Corpus(corpusDirectory, new Random(12345));
    var bytes = corpus.Write(megabytes * 1024L * 1024L, files: 512);
    Console.WriteLine($"corpus: {bytes / 1024.0 / 1024.0:F1} MB in 512 files, {corpus.Planted.Count} planted secrets");

    var scanner = new SecretScanner(new SecretScanOptions(corpusDirectory));
    await scanner.ScanAsync(CancellationToken.None); // warm-up: JIT and file cache
    var times = new List<double>();
    Tollgate.Security.ScannerResult? result = null;

    // CPU seconds as well as wall time: on a shared machine the wall clock measures the neighbours' load too.
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (var run = 0; run < 5; run++)
    {
        var watch = Stopwatch.StartNew();
        result = await scanner.ScanAsync(CancellationToken.None);
        times.Add(watch.Elapsed.TotalSeconds);
    }

    var tollgateCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / 5;

    var tollgateSeconds = times.Order().ElementAt(times.Count / 2);
    var tollgateFound = corpus.Planted.Count(p => result!.Findings.Any(f => f.Location.Path == p.File && f.Location.Line == p.Line));
    Console.WriteLine($"tollgate: median {tollgateSeconds:F3} s over 5 runs = {bytes / 1024.0 / 1024.0 / tollgateSeconds:F0} MB/s wall ({Environment.ProcessorCount} cores); {tollgateCpu:F3} CPU s per run = {bytes / 1024.0 / 1024.0 / tollgateCpu:F0} MB per CPU second; recall {tollgateFound}/{corpus.Planted.Count}; {result!.Findings.Count} findings; load average {LoadAverage()}");

    var secretlint = Path.Combine(root, "tools", "secretlint");
    if (!File.Exists(Path.Combine(secretlint, "node_modules", ".bin", "secretlint")))
    {
        Console.WriteLine("secretlint: not installed (run .ci/install.d/30-scan.sh); ratio not measured");
        return 0;
    }

    File.WriteAllText(Path.Combine(corpusDirectory, ".secretlintrc.json"), "{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}");
    var start = new ProcessStartInfo(Path.Combine(secretlint, "node_modules", ".bin", "secretlint"))
    {
        WorkingDirectory = corpusDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    var peerReport = corpusDirectory + ".secretlint.json";
    foreach (var argument in new[] { "**/*", "--format", "json", "--maskSecrets", "--output", peerReport, "--secretlintrc", Path.Combine(corpusDirectory, ".secretlintrc.json") })
    {
        start.ArgumentList.Add(argument);
    }

    var childrenCpuBefore = ChildrenCpuSeconds();
    var peerWatch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var stderr = process.StandardError.ReadToEndAsync();
    _ = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    var peerCpu = ChildrenCpuSeconds() - childrenCpuBefore;
    var output = File.ReadAllText(peerReport);
    File.Delete(peerReport);
    var peerSeconds = peerWatch.Elapsed.TotalSeconds;
    var found = new HashSet<(string, int)>();
    foreach (var file in JsonNode.Parse(output)?.AsArray() ?? [])
    {
        var path = Path.GetRelativePath(corpusDirectory, file!["filePath"]!.GetValue<string>()).Replace('\\', '/');
        foreach (var message in file["messages"]!.AsArray())
        {
            found.Add((path, message!["loc"]!["start"]!["line"]!.GetValue<int>()));
        }
    }

    var peerFound = corpus.Planted.Count(p => found.Contains((p.File, p.Line)));
    Console.WriteLine($"secretlint: {peerSeconds:F2} s (one run) = {bytes / 1024.0 / 1024.0 / peerSeconds:F1} MB/s wall; {peerCpu:F2} CPU s = {bytes / 1024.0 / 1024.0 / peerCpu:F1} MB per CPU second; recall {peerFound}/{corpus.Planted.Count}; exit {process.ExitCode} {(await stderr).Trim()}; load average {LoadAverage()}");
    Console.WriteLine($"ratio: tollgate is {peerSeconds / tollgateSeconds:F0}x faster than secretlint on the same corpus (wall), {peerCpu / tollgateCpu:F0}x in CPU time");
    foreach (var kind in corpus.Planted.GroupBy(p => p.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {kind.Key}: tollgate {kind.Count(p => result.Findings.Any(f => f.Location.Path == p.File && f.Location.Line == p.Line))}/{kind.Count()}, secretlint {kind.Count(p => found.Contains((p.File, p.Line)))}/{kind.Count()}");
    }

    return 0;
}
finally
{
    Directory.Delete(corpusDirectory, recursive: true);
}

// CPU seconds of waited-for child processes (cutime + cstime of /proc/self/stat, in clock ticks of 1/100 s).
static double ChildrenCpuSeconds()
{
    var stat = File.ReadAllText("/proc/self/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tollgate.slnx")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
