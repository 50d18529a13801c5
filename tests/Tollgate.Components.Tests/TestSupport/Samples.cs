using System.Runtime.CompilerServices;

namespace Tollgate.Components.Tests.TestSupport;

/// <summary>Checked-in sample files (Testing/Samples), read from the source tree.</summary>
public static class Samples
{
    public static string PathOf(string name) => Path.Combine(SourceDirectory(), "..", "Testing", "Samples", name);

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
