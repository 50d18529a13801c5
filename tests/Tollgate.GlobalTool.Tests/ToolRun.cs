using System.Text;

namespace Tollgate.GlobalTool.Tests;

/// <summary>Runs the tool in-process with captured output and no terminal input.</summary>
internal static class ToolRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string currentDirectory, params string[] args)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var outWriter = new StringWriter(output, System.Globalization.CultureInfo.InvariantCulture);
        using var errorWriter = new StringWriter(error, System.Globalization.CultureInfo.InvariantCulture);
        var tool = new TollgateTool(outWriter, errorWriter, TextReader.Null, inputRedirected: true, new BuildScriptRunner());
        var exitCode = await tool.RunAsync(args, currentDirectory, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
