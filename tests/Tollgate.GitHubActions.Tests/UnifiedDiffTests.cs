using System.Diagnostics;
using Tollgate.GitHubActions.Tests.TestSupport;

namespace Tollgate.GitHubActions.Tests;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void A_one_line_edit_is_one_hunk_with_three_lines_of_context()
    {
        var before = string.Concat(Enumerable.Range(1, 10).Select(i => $"line {i}\n"));
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal);

        UnifiedDiff.Create(before, after, "f.yml").Should().Be(
            "--- a/f.yml\n+++ b/f.yml\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n");
    }

    [Fact]
    public void Equal_texts_have_no_diff_and_a_new_file_is_all_additions()
    {
        UnifiedDiff.Create("a\n", "a\n", "f").Should().BeEmpty();
        UnifiedDiff.Create(null, "a\nb\n", "f").Should().Be("--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    }

    [Theory]
    [InlineData("a\nb\nc\n", "a\nB\nc\n", 2)]
    [InlineData("a\nb\nc\n", "a\nb\nnew\nc\n", 3)]
    [InlineData("a\nb\n", "a\nb\n", 1)]
    [InlineData(null, "a\n", 1)]
    public void The_first_changed_line_is_where_an_annotation_points(string? before, string after, int expected) =>
        UnifiedDiff.FirstChangedLine(before, after).Should().Be(expected);

    public static TheoryData<string, string> Edits { get; } = new()
    {
        { "a\nb\nc\n", "a\nc\n" },
        { "a\nb\nc\n", "x\na\nb\nc\ny\n" },
        { string.Concat(Enumerable.Range(1, 40).Select(i => $"{i}\n")), string.Concat(Enumerable.Range(1, 40).Select(i => i % 9 == 0 ? $"{i}!\n" : i % 13 == 0 ? string.Empty : $"{i}\n")) },
        { "same\nsame\nsame\n", "same\nother\nsame\nsame\nother\n" },
        { "a\nb\n", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task The_patch_tool_turns_the_old_text_into_the_new_one_with_the_diff(string before, string after)
    {
        using var root = new TempRoot();
        root.Write("file.txt", before);
        root.Write("change.diff", UnifiedDiff.Create(before, after, "file.txt"));

        var start = new ProcessStartInfo("patch", ["-p1", "--batch", "--input", "change.diff"])
        {
            WorkingDirectory = root.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var patch = Process.Start(start)!;
        var output = await patch.StandardOutput.ReadToEndAsync() + await patch.StandardError.ReadToEndAsync();
        await patch.WaitForExitAsync();

        patch.ExitCode.Should().Be(0, output);
        (File.Exists(root.Path / "file.txt") ? root.Read("file.txt") : string.Empty).Should().Be(after);
    }
}
