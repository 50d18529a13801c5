namespace Tollgate;

/// <summary>How a child process ended.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Captured standard output (empty unless <see cref="CommandSpec.CaptureOutput"/>).</param>
/// <param name="StandardError">Captured standard error (empty unless <see cref="CommandSpec.CaptureOutput"/>).</param>
/// <param name="Duration">Wall time from start to exit.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    /// <summary>Whether the exit code is zero.</summary>
    public bool Succeeded => ExitCode == 0;
}
