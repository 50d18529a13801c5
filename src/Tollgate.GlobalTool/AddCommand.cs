using System.Text.RegularExpressions;

namespace Tollgate.GlobalTool;

/// <summary>
/// <c>tollgate :add &lt;component&gt;</c>: makes the build class implement a stage component (adds the interface to
/// its base list and the namespace's using directive). Adding a component the build has is a no-op that says so.
/// </summary>
internal static partial class AddCommand
{
    /// <summary>Adds the components named in <paramref name="args"/> to the build of the repository around <paramref name="currentDirectory"/>.</summary>
    public static (string Message, bool Changed) Run(IReadOnlyList<string> args, string currentDirectory)
    {
        var root = RepositoryRoot.Find(args, currentDirectory);
        var buildFile = FindBuildFile(root, args);
        var components = new List<Component>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--root" or "--build-file")
            {
                i++;
                continue;
            }

            // Every name is checked before the file changes, so a typo in the second name adds nothing.
            components.Add(ComponentCatalog.Get(args[i]));
        }

        var messages = new List<string>();
        var changed = false;
        foreach (var component in components)
        {
            var added = AddTo(buildFile, component);
            changed |= added;
            var relative = Path.GetRelativePath(root, buildFile);
            messages.Add(added
                ? $"added {component.Interface} ({component.Namespace}) to {relative}: ./build.sh --help lists its target and parameters"
                : $"{relative} already implements {component.Interface}; nothing changed");
        }

        return (string.Join(Environment.NewLine, messages), changed);
    }

    /// <summary>Adds the component to the build class in <paramref name="buildFile"/>; returns false when it is there already.</summary>
    /// <exception cref="TollgateException">The file has no class deriving from TollgateBuild.</exception>
    public static bool AddTo(string buildFile, Component component)
    {
        var text = File.ReadAllText(buildFile);
        var declaration = BuildClass().Match(text);
        if (!declaration.Success)
        {
            throw new TollgateException($"{buildFile}: no class deriving from TollgateBuild was found; add ', {component.Interface}' to your build class yourself.");
        }

        var baseList = declaration.Groups["bases"].Value;
        if (baseList.Split(',').Any(b => b.Trim() == component.Interface))
        {
            return false;
        }

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        text = text[..declaration.Groups["bases"].Index] + baseList.TrimEnd() + ", " + component.Interface + text[(declaration.Groups["bases"].Index + baseList.TrimEnd().Length)..];
        var usingLine = $"using {component.Namespace};";
        if (!text.Contains(usingLine, StringComparison.Ordinal))
        {
            var usings = UsingDirective().Matches(text);
            text = usings.Count == 0
                ? usingLine + newline + newline + text
                : text[..(usings[^1].Index + usings[^1].Length)] + newline + usingLine + text[(usings[^1].Index + usings[^1].Length)..];
        }

        File.WriteAllText(buildFile, text);
        return true;
    }

    private static string FindBuildFile(string root, IReadOnlyList<string> args)
    {
        var index = args.ToList().IndexOf("--build-file");
        if (index >= 0 && index + 1 < args.Count)
        {
            return Path.GetFullPath(args[index + 1], root);
        }

        var candidates = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => BuildClass().IsMatch(File.ReadAllText(f)))
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new TollgateException($"No class deriving from TollgateBuild under {root}. Run tollgate :setup first."),
            _ => throw new TollgateException($"Several build classes under {root} ({string.Join(", ", candidates.Select(c => Path.GetRelativePath(root, c)))}); name one with --build-file."),
        };
    }

    [GeneratedRegex(@"class\s+\w+\s*:\s*(?<bases>[^{]*\bTollgateBuild\b[^{]*?)\s*(where\b[^{]*)?\{", RegexOptions.Singleline)]
    private static partial Regex BuildClass();

    [GeneratedRegex(@"^using\s+[\w.]+\s*;[ \t]*(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();
}
