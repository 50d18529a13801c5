using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Components.Lint;

/// <summary>Checks that YAML text is well-formed (all documents), reporting the first error with its line and column.</summary>
internal static class YamlSyntaxChecker
{
    /// <summary>The error in the text, or null when it is well-formed.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="displayPath">The file the diagnostic names.</param>
    public static Diagnostic? Check(string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            new YamlStream().Load(new StringReader(text));
            return null;
        }
        catch (YamlException exception)
        {
            var message = exception.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : exception.Message;
            return new Diagnostic(LogLevel.Error, $"Invalid YAML: {message}", displayPath, (int)exception.Start.Line, (int)exception.Start.Column, "YAML001");
        }
    }
}
