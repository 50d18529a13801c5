namespace Tollgate.Evaluation.Tests;

/// <summary>
/// A fact that needs headless Chromium at /usr/bin/chromium: skipped with the reason when it is missing, unless
/// TOLLGATE_REQUIRE_TOOLS=1, in which case it runs and fails.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path) && Environment.GetEnvironmentVariable("TOLLGATE_REQUIRE_TOOLS") != "1")
        {
            Skip = $"Chromium is not installed at {Path} (apt-get install chromium); set TOLLGATE_REQUIRE_TOOLS=1 to make this a failure";
        }
    }
}
