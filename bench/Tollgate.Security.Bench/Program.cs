using System.Globalization;

// Working-tree secret scan benchmark: Tollgate's SecretScanner against secretlint (tools/secretlint) on the same
// generated corpus, the runs interleaved (Tollgate, secretlint, Tollgate, ...) so that the shared machine's load hits
// both alike; wall time, CPU time and recall on the planted secrets for each run.
// Usage: dotnet run -c Release --project bench/Tollgate.Security.Bench [-- <megabytes> [<runs>]]
var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var root = FindRoot();
var corpusDirectory = Path.Combine(Path.GetTempPath(), $"tollgate-secret-bench-{Guid.NewGuid():N}"[..36]);
try
{
    var corpus = new Corpus(corpusDirectory, new Random(12345));
    var bytes = corpus.Write(megabytes * 1024L * 1024L, files: 512);
    var size = bytes / 1024.0 / 1024.0;
    Console.WriteLine($"corpus: {size:F1} MB in 512 files, {corpus.Planted.Count} planted secrets; {Environment.ProcessorCount} cores; {runs} runs each, interleaved");

    var tollgate = new TollgateRunner(corpusDirectory, corpus);
    await tollgate.RunAsync(); // warm-up: JIT and file cache
    var peer = SecretlintRunner.Find(root, corpusDirectory, corpus);
    if (peer is null)
    {
        Console.WriteLine("secretlint: not installed (run .ci/install.d/30-scan.sh); only Tollgate is measured");
    }

    var ours = new List<Measurement>();
    var theirs = new List<Measurement>();
    for (var run = 1; run <= runs; run++)
    {
        var mine = await tollgate.RunAsync();
        ours.Add(mine);
        Console.WriteLine($"run {run} tollgate:   {mine.Describe(size)}");
        if (peer is not null)
        {
            var other = peer.Run();
            theirs.Add(other);
            Console.WriteLine($"run {run} secretlint: {other.Describe(size)}");
        }
    }

    var tollgateMedian = Measurement.Median(ours);
    Console.WriteLine($"tollgate median:   {tollgateMedian.Describe(size)}");
    if (peer is not null)
    {
        var peerMedian = Measurement.Median(theirs);
        Console.WriteLine($"secretlint median: {peerMedian.Describe(size)}");
        Console.WriteLine($"ratio: tollgate is {peerMedian.WallSeconds / tollgateMedian.WallSeconds:F1}x faster than secretlint in wall time, {peerMedian.CpuSeconds / tollgateMedian.CpuSeconds:F1}x in CPU time (medians)");
        foreach (var kind in corpus.Planted.GroupBy(p => p.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind.Key}: tollgate {kind.Count(tollgate.LastFound.Contains)}/{kind.Count()}, secretlint {kind.Count(peer.LastFound.Contains)}/{kind.Count()}");
        }
    }

    return 0;
}
finally
{
    Directory.Delete(corpusDirectory, recursive: true);
}

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tollgate.slnx")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
