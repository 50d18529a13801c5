namespace Tollgate.GitHubActions.ConsumerBuild;

/// <summary>Entry point: the first argument picks the variant (undeclared, artifacts, shared-job, folded); the rest go to the engine.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args.Skip(1).ToArray();
        return args.FirstOrDefault() switch
        {
            "undeclared" => TollgateBuild.Execute<UndeclaredBuild>(rest),
            "artifacts" => TollgateBuild.Execute<ArtifactBuild>(rest),
            "shared-job" => TollgateBuild.Execute<SharedJobBuild>(rest),
            "folded" => TollgateBuild.Execute<FoldedBuild>(rest),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Tollgate.GitHubActions.ConsumerBuild undeclared|artifacts|shared-job|folded [build arguments]");
        return 2;
    }
}
