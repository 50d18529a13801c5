namespace Tollgate.GlobalTool;

/// <summary>Finds the repository a <c>tollgate</c> command works on: <c>--root DIR</c>, else the nearest <c>.nuke/</c> upwards.</summary>
internal static class RepositoryRoot
{
    /// <summary>The root named by <c>--root</c> in <paramref name="args"/>, or the nearest directory upwards that holds <c>.nuke/</c>.</summary>
    /// <exception cref="TollgateException">No root was found.</exception>
    public static string Find(IReadOnlyList<string> args, string currentDirectory)
    {
        var index = args.ToList().IndexOf("--root");
        var rootOption = index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
        try
        {
            return RootDirectoryLocator.Find(rootOption, currentDirectory);
        }
        catch (TollgateException exception)
        {
            throw new TollgateException($"{exception.Message} To add Tollgate to this repository, run tollgate :setup at its root.", exception);
        }
    }
}
