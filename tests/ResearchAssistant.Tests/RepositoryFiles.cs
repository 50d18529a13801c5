namespace ResearchAssistant.Tests;

/// <summary>Paths of files in this repository, found by walking up from the test output folder.</summary>
public static class RepositoryFiles
{
    public static string GoldenSetPath => Path.Combine(Root, "evals", "research-assistant.cases.yaml");

    public static string DocumentsDirectory => Path.Combine(AppContext.BaseDirectory, "data", "documents");

    public static string PromptsDirectory => Path.Combine(AppContext.BaseDirectory, "prompts");

    public static string ServiceDirectory => Path.Combine(Root, "src", "ResearchAssistant");

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "evals", "research-assistant.cases.yaml")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No evals/research-assistant.cases.yaml above {AppContext.BaseDirectory}.");
        }
    }
}
