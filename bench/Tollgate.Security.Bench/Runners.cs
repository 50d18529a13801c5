using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Security.Secrets;

/// <summary>Tollgate's working-tree secret scan; CPU time is the process's own (the scan runs in it).</summary>
internal sealed class TollgateRunner(string corpusDirectory, Corpus corpus)
{
    private readonly SecretScanner scanner = new(new SecretScanOptions(corpusDirectory));

    public HashSet<(string File, int Line, string Kind)> LastFound { get; private set; } = [];

    public async Task<Measurement> RunAsync()
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await scanner.ScanAsync(CancellationToken.None);
        var wall = watch.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var found = result.Findings.Select(f => (f.Location.Path, f.Location.Line)).ToHashSet();
        LastFound = [.. corpus.Planted.Where(p => found.Contains((p.File, p.Line)))];
        return new Measurement(wall, cpu, LastFound.Count, corpus.Planted.Count, Measurement.LoadAverage());
    }
}

/// <summary>secretlint with its recommended preset; CPU time is that of the waited-for child (node) process.</summary>
internal sealed class SecretlintRunner(string executable, string corpusDirectory, Corpus corpus)
{
    public HashSet<(string File, int Line, string Kind)> LastFound { get; private set; } = [];

    public static SecretlintRunner? Find(string root, string corpusDirectory, Corpus corpus)
    {
        var executable = Path.Combine(root, "tools", "secretlint", "node_modules", ".bin", "secretlint");
        if (!File.Exists(executable))
        {
            return null;
        }

        File.WriteAllText(Path.Combine(corpusDirectory, ".secretlintrc.json"), "{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}");
        return new SecretlintRunner(executable, corpusDirectory, corpus);
    }

    public Measurement Run()
    {
        var report = corpusDirectory + ".secretlint.json";
        var start = new ProcessStartInfo(executable) { WorkingDirectory = corpusDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "**/*", "--format", "json", "--maskSecrets", "--output", report, "--secretlintrc", Path.Combine(corpusDirectory, ".secretlintrc.json") })
        {
            start.ArgumentList.Add(argument);
        }

        var cpuBefore = ChildrenCpuSeconds();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var wall = watch.Elapsed.TotalSeconds;
        var cpu = ChildrenCpuSeconds() - cpuBefore;
        if (!File.Exists(report))
        {
            throw new InvalidOperationException($"secretlint exited {process.ExitCode} without a report: {stderr.Result}");
        }

        var found = new HashSet<(string, int)>();
        foreach (var file in JsonNode.Parse(File.ReadAllText(report))?.AsArray() ?? [])
        {
            var path = Path.GetRelativePath(corpusDirectory, file!["filePath"]!.GetValue<string>()).Replace('\\', '/');
            foreach (var message in file["messages"]!.AsArray())
            {
                found.Add((path, message!["loc"]!["start"]!["line"]!.GetValue<int>()));
            }
        }

        File.Delete(report);
        LastFound = [.. corpus.Planted.Where(p => found.Contains((p.File, p.Line)))];
        return new Measurement(wall, cpu, LastFound.Count, corpus.Planted.Count, Measurement.LoadAverage());
    }

    // CPU seconds of waited-for child processes (cutime + cstime of /proc/self/stat, in clock ticks of 1/100 s).
    private static double ChildrenCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }
}
