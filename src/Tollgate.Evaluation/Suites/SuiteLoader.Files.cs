using System.Text;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Evaluation;

/// <summary>Reading the files of a suite: size and encoding checks, and references that must stay inside the repository.</summary>
public static partial class SuiteLoader
{
    /// <summary>The largest suite, golden set or prompt file read (10 MB): a bigger file is a mistake, not a golden set.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="path"/>, refused with its name and the fix when it is huge or binary.</summary>
    internal static string ReadText(string path, string field)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new SuiteException(new SourceLocation(path, 1, 1), field,
                $"the file is {length / (1024.0 * 1024.0):0.#} MB, larger than the {MaxFileBytes / (1024 * 1024)} MB a suite, golden set or prompt file may have; split the golden set or check that the path names the right file");
        }

        var bytes = File.ReadAllBytes(path);
        var nul = Array.IndexOf(bytes, (byte)0);
        string text;
        try
        {
            text = nul >= 0 ? throw new DecoderFallbackException() : StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var offset = nul >= 0 ? nul : FirstInvalidUtf8(bytes);
            var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
            throw new SuiteException(new SourceLocation(path, line, 1), field,
                $"the file is binary or not UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset}); expected YAML, JSON or JSONL text: check that the path names the right file");
        }

        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>Resolves a <c>file://</c> reference of the suite and refuses one outside the repository root.</summary>
    internal static string Referenced(YamlReader reader, YamlNode node, string field, string reference)
    {
        var relative = reference.StartsWith("file://", StringComparison.Ordinal) ? reference["file://".Length..] : reference;
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(reader.File))!, relative));
        if (reader.Root is { } root)
        {
            var fromRoot = Path.GetRelativePath(Path.GetFullPath(root), path);
            if (Path.IsPathRooted(fromRoot) || fromRoot == ".." || fromRoot.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw reader.Error(node, field, $"'{reference}' is outside the repository ({root}); keep the files a suite refers to inside the repository, relative to the suite's folder");
            }
        }

        return path;
    }

    private static int FirstInvalidUtf8(byte[] bytes)
    {
        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[2];
        for (var i = 0; i < bytes.Length; i++)
        {
            try
            {
                decoder.GetChars(bytes, i, 1, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return i;
            }
        }

        return 0;
    }
}
