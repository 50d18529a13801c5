namespace Tollgate.GlobalTool;

/// <summary>
/// Fills what :setup's flags left out: asks on a terminal (the default in brackets; Enter keeps it), or takes the
/// defaults when input is redirected or <c>--yes</c> is given.
/// </summary>
internal sealed class SetupQuestions(TextWriter output, TextReader input, bool ask)
{
    /// <summary>Returns the options with every value set.</summary>
    public SetupOptions Complete(SetupOptions options) => options with
    {
        BuildDirectory = options.BuildDirectory ?? Ask("Folder of the build project", "build"),
        ProjectName = options.ProjectName ?? Ask("Name of the build project", "_build"),
        TollgateVersion = options.TollgateVersion ?? Ask("Version of the Tollgate packages", ToolVersion.Current),
        DefaultTarget = options.DefaultTarget ?? Ask("Name of the first target", "Compile"),
        Solution = options.Solution ?? Ask("Solution or project the first target compiles (empty: the folder)", DefaultSolution(options.Root)),
    };

    private string Ask(string question, string defaultValue)
    {
        if (!ask)
        {
            return defaultValue;
        }

        output.Write($"{question} [{defaultValue}]: ");
        var answer = input.ReadLine()?.Trim();
        return string.IsNullOrEmpty(answer) ? defaultValue : answer;
    }

    private static string DefaultSolution(string root)
    {
        if (!Directory.Exists(root))
        {
            return string.Empty;
        }

        var solutions = Directory.EnumerateFiles(root, "*.sln").Concat(Directory.EnumerateFiles(root, "*.slnx")).ToList();
        return solutions.Count == 1 ? Path.GetFileName(solutions[0]) : string.Empty;
    }
}
