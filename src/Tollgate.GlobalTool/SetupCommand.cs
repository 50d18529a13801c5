using System.Diagnostics;

namespace Tollgate.GlobalTool;

/// <summary>
/// Adds Tollgate to a repository: the build project (referencing Tollgate.Components), Build.cs with a first target,
/// build.sh/.ps1/.cmd watching that project, global.json when there is none, .nuke/parameters.json and .gitignore
/// entries. It refuses to overwrite: when any file it would create exists, it writes nothing and names them.
/// </summary>
internal sealed class SetupCommand(SetupOptions options)
{
    private static readonly string[] IgnoreEntries = [".nuke/temp/", "artifacts/"];

    /// <summary>Writes the files; returns their paths relative to the root.</summary>
    /// <exception cref="TollgateException">A file exists already, or the root does not exist.</exception>
    public IReadOnlyList<string> Run()
    {
        var root = options.Root;
        if (!Directory.Exists(root))
        {
            throw new TollgateException($"--root {root} does not exist.");
        }

        var buildDirectory = options.BuildDirectory!.Trim('/', '\\');
        var projectName = options.ProjectName!;
        var files = PlannedFiles(root, buildDirectory, projectName);
        var existing = files.Keys.Where(f => File.Exists(Path.Combine(root, f))).ToList();
        if (existing.Count > 0)
        {
            throw new TollgateException(
                $"Tollgate looks set up here already: {string.Join(", ", existing)} exist(s). :setup never overwrites; " +
                "move them away (or pick another --build-dir / --project-name) and run it again.");
        }

        var written = new List<string>();
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            written.Add(relative);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(root, "build.sh"), (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(Path.Combine(root, "build.cmd"), (UnixFileMode)0b111_101_101);
        }

        if (UpdateGitIgnore(root, buildDirectory))
        {
            written.Add(".gitignore");
        }

        foreach (var component in options.Components)
        {
            AddCommand.AddTo(Path.Combine(root, buildDirectory, "Build.cs"), ComponentCatalog.Get(component));
        }

        return written;
    }

    private Dictionary<string, string> PlannedFiles(string root, string buildDirectory, string projectName)
    {
        string[] inputs = [buildDirectory, "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "nuget.config"];
        var bootstrapper = Templates.BootstrapperValues(buildDirectory, projectName, inputs);
        var solution = string.IsNullOrEmpty(options.Solution) ? string.Empty : $"\"{options.Solution}\", ";
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{buildDirectory}/{projectName}.csproj"] = Templates.Render("BuildProject", new Dictionary<string, string>
            {
                ["TollgateVersion"] = options.TollgateVersion!,
                ["VersionAttribute"] = UsesCentralPackageVersions(root) ? "VersionOverride" : "Version",
            }),
            [$"{buildDirectory}/Build.cs"] = Templates.Render("BuildClass", new Dictionary<string, string>
            {
                ["DefaultTarget"] = options.DefaultTarget!,
                ["BuildArguments"] = $"\"build\", {solution}",
            }),
            ["build.sh"] = Templates.Render("BuildSh", bootstrapper),
            ["build.ps1"] = Templates.Render("BuildPs1", bootstrapper),
            ["build.cmd"] = Templates.Render("BuildCmd", bootstrapper),
            [".nuke/parameters.json"] = Templates.Render("ParametersJson", new Dictionary<string, string>()),
        };
        if (!File.Exists(Path.Combine(root, "global.json")))
        {
            files["global.json"] = Templates.Render("GlobalJson", new Dictionary<string, string> { ["SdkVersion"] = options.SdkVersion ?? InstalledSdk(root) });
        }

        return files;
    }

    private static bool UsesCentralPackageVersions(string root)
    {
        var props = Path.Combine(root, "Directory.Packages.props");
        return File.Exists(props) && File.ReadAllText(props).Contains("<ManagePackageVersionsCentrally>true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Appends the entries .gitignore lacks (creating it); returns whether it changed.</summary>
    private static bool UpdateGitIgnore(string root, string buildDirectory)
    {
        var path = Path.Combine(root, ".gitignore");
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        var missing = IgnoreEntries.Concat([$"{buildDirectory}/bin/", $"{buildDirectory}/obj/"])
            .Where(entry => !lines.Any(line => line.Trim() == entry || line.Trim() == entry.TrimEnd('/')))
            .ToList();
        if (lines.Any(line => line.Trim() is "bin/" or "bin" or "obj/" or "obj"))
        {
            missing.RemoveAll(entry => entry.EndsWith("/bin/", StringComparison.Ordinal) || entry.EndsWith("/obj/", StringComparison.Ordinal));
        }

        if (missing.Count == 0)
        {
            return false;
        }

        var prefix = lines.Length > 0 && !File.ReadAllText(path).EndsWith('\n') ? Environment.NewLine : string.Empty;
        File.AppendAllText(path, prefix + "# Tollgate" + Environment.NewLine + string.Join(Environment.NewLine, missing) + Environment.NewLine);
        return true;
    }

    /// <summary>The SDK <c>dotnet --version</c> reports in the root, for a new global.json.</summary>
    private static string InstalledSdk(string root)
    {
        var start = new ProcessStartInfo("dotnet", "--version") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        try
        {
            using var process = Process.Start(start)!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (process.ExitCode == 0 && version.Length > 0)
            {
                return version;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No dotnet on PATH: fall through to the error below.
        }

        throw new TollgateException("No global.json here and `dotnet --version` gave no SDK version; pass --sdk-version 10.0.100 (or the SDK you use).");
    }
}
