namespace Tollgate.GlobalTool;

/// <summary>The help of the tool and of each command.</summary>
internal static class HelpTexts
{
    /// <summary><c>tollgate --help</c>.</summary>
    public static string Tool => $"""
        tollgate {ToolVersion.Current}: runs and sets up Tollgate builds (C# build automation in NUKE's style).

        Usage:
          tollgate [targets] [options]     run the build of the repository around the current folder: finds the
                                           nearest .nuke/ upwards and runs its build.sh (build.ps1 on Windows) with
                                           the arguments, e.g. tollgate Test --verbosity verbose
          tollgate :setup [options]        add Tollgate to the repository in the current folder
          tollgate :add <component>...     make the build implement stage components
          tollgate --help | --version

        Build options (passed through): --skip [targets], --plan, --help, --root DIR, --verbosity
        quiet|minimal|normal|verbose, --profile NAME, --continue, --max-parallel N, --force, and every
        [Parameter] as --kebab-case-name value. `tollgate --help` shows this text; `tollgate Compile --help` and
        `./build.sh --help` list the build's targets and parameters.

        Components: {string.Join(", ", ComponentCatalog.All.Select(c => c.Name))}.
        """;

    /// <summary><c>tollgate :setup --help</c>.</summary>
    public static string Setup => """
        tollgate :setup: adds Tollgate to the repository in the current folder.

        Creates build/_build.csproj (referencing Tollgate.Components), build/Build.cs with a first target,
        build.sh, build.ps1 and build.cmd (they compile the build project only when its files change), global.json
        when there is none, .nuke/parameters.json, and .gitignore entries. It never overwrites: when a file it would
        create exists, it writes nothing and names it.

        Options (each question is asked on a terminal when its option is missing; --yes or redirected input takes
        the defaults):
          --root DIR                 the repository root (default: the current folder)
          --build-dir DIR            folder of the build project (default: build)
          --project-name NAME        name of the build project (default: _build)
          --tollgate-version X       version of the Tollgate packages (default: this tool's version)
          --sdk-version X            SDK version for a new global.json (default: what `dotnet --version` reports)
          --target NAME              name of the first target (default: Compile)
          --solution FILE            what the first target compiles (default: the only *.sln/*.slnx at the root)
          --components a,b           components to add right away, e.g. lint,unittest
          --yes, -y                  ask nothing

        Example: tollgate :setup --yes --components unittest && ./build.sh UnitTest
        """;

    /// <summary><c>tollgate :add --help</c>.</summary>
    public static string Add => $"""
        tollgate :add <component>... [--build-file FILE]: makes the build class implement stage components: adds the
        interface to the class and the using directive to the file. Adding one the build has changes nothing.

        Components:
        {string.Join(Environment.NewLine, ComponentCatalog.All.Select(c => $"  {c.Name,-16} {c.Interface,-15} {c.Summary}"))}

        Options:
          --build-file FILE          the file with the build class (default: the one class deriving from TollgateBuild)
          --root DIR                 the repository root (default: the nearest .nuke/ upwards)
        """;
}
