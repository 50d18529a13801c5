using System.Runtime.InteropServices;
using Tollgate.GlobalTool;

// Ctrl-C reaches the build's process group too; the tool waits for the build to stop and returns its exit code.
using var cancellation = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
var tool = new TollgateTool(Console.Out, Console.Error, Console.In, Console.IsInputRedirected, new BuildScriptRunner());
return await tool.RunAsync(args, Environment.CurrentDirectory, cancellation.Token).ConfigureAwait(false);
