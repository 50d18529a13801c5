using Tollgate.Benchmarks;

// Engine benchmarks. Usage: dotnet run -c Release --project bench/Tollgate.Benchmarks -- [parallel|planning|all]
var which = args.Length > 0 ? args[0] : "all";
if (which is "parallel" or "all")
{
    await ParallelScheduleBenchmark.RunAsync(Console.Out);
}

if (which is "planning" or "all")
{
    PlanningBenchmark.Run(Console.Out);
}

return 0;
