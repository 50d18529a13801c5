using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Tollgate.Components.Tests.LlmEval;

/// <summary>
/// The bad-input corpus: one row per bad version of a file the LlmEval stage reads (suite, golden set in YAML, JSON and
/// JSONL, prompt file, baseline, cache entry, progress file, engine state, parameter paths). Every row must fail the
/// target with a non-zero exit, name the file, the line and the field, say how to fix it, print no stack trace, and
/// leave every file as it was.
/// </summary>
public sealed partial class LlmEvalBadInputTests : IDisposable
{
    private const string Suite = EvalCases.SuiteFile;
    private const string Cases = EvalCases.CasesFile;
    private const string Baseline = "evals/mini.baseline.json";
    private const string Progress = ".nuke/temp/llm-eval/progress.jsonl";

    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    /// <summary>Row: name, file, content (<c>BINARY</c>, <c>HUGE</c> and <c>SPARSE:(<c>BINARY</c> and <c>HUGE</c> are generated)lt;MB(<c>BINARY</c> and <c>HUGE</c> are generated)gt;</c>, one byte over that size, are generated), extra arguments, what the message must contain.</summary>
    public static TheoryData<string, string, string, string, string[]> Corpus() => new()
    {
        // The suite.
        { "suite: unclosed flow sequence", Suite, "name: mini\nprovider: [\n  id: x\n", "", [Suite, ":4", "malformed YAML", "did not find expected ',' or ']'"] },
        { "suite: unclosed [ on a line", Suite, SuiteWith("concurrency: 2", "concurrency: [2"), "", [Suite, ":17:14", "unterminated [", "close it with ]"] },
        { "suite: complex key", Suite, "name: mini\n? [a, b]\n: 1\n", "", [Suite, ":2", "a key must be a plain name"] },
        { "suite: wrong type", Suite, SuiteWith("concurrency: 2", "concurrency: many"), "", [Suite, ":17", "concurrency", "whole number"] },
        { "suite: unknown field", Suite, SuiteWith("concurrency: 2", "concurency: 2"), "", [Suite, ":17", "concurency", "did you mean 'concurrency'"] },
        { "suite: missing provider", Suite, "name: mini\ntests: file://mini.cases.yaml\n", "", [Suite, "provider", "required"] },
        { "suite: empty", Suite, "", "", [Suite, ":1", "empty"] },
        { "suite: binary", Suite, "BINARY", "", [Suite, "binary"] },
        { "suite: huge", Suite, "HUGE", "", [Suite, "MB", "larger than"] },
        { "suite: path outside the repository", Suite, null!, "--eval-suite ../outside.yaml", ["../outside.yaml", "outside the repository", "relative to the root"] },

        // The golden set.
        { "golden set: tab indentation", Cases, CasesWith("  tags: [pricing]\n- id: pricing-personal-annual", "\ttags: [pricing]\n- id: pricing-personal-annual"), "", [Cases, ":7", "tab", "indent with spaces"] },
        { "golden set: wrong type", Cases, CasesWith("  vars: { question: \"How much does the Team plan cost per seat?\" }", "  vars: [question]"), "", [Cases, ":4", "vars"] },
        { "golden set: unknown field", Cases, CasesWith("  expected_keywords: [\"$12\"]", "  expected_keyword: [\"$12\"]"), "", [Cases, ":6", "expected_keyword", "expected_keywords"] },
        { "golden set: case without an id", Cases, CasesWith("- id: pricing-personal-annual\n  vars:", "- vars:"), "", [Cases, ":8", "tests[1].id", "stable, unique id"] },
        { "golden set: empty", Cases, "", "", [Cases, "empty"] },
        { "golden set: binary", Cases, "BINARY", "", [Cases, "binary"] },
        { "golden set: huge", Cases, "HUGE", "", [Cases, "MB", "larger than"] },
        { "golden set: outside the repository", Suite, SuiteWith("tests: file://mini.cases.yaml", "tests: file://../../outside.cases.yaml"), "", [Suite, "outside the repository", "tests"] },
        { "golden set JSON: syntax error", "evals/mini.cases.json", "[\n  {\"id\": \"a\",\n  \"vars\": }\n]\n", "--eval-suite evals/json.yaml", ["mini.cases.json", ":3"] },
        { "golden set JSONL: bad line", "evals/mini.cases.jsonl", "{\"id\": \"a\", \"vars\": {\"question\": \"q\"}}\n{\"id\": \"b\", \n", "--eval-suite evals/jsonl.yaml", ["mini.cases.jsonl", ":2:", "malformed YAML"] },
        { "golden set JSONL: case without an id", "evals/mini.cases.jsonl", "{\"id\": \"a\", \"vars\": {\"question\": \"q\"}}\n{\"vars\": {\"question\": \"q\"}}\n", "--eval-suite evals/jsonl.yaml", ["mini.cases.jsonl", ":2", "tests[1].id", "stable, unique id"] },
        { "golden set JSONL: wrong type", "evals/mini.cases.jsonl", "{\"id\": \"a\", \"vars\": {\"question\": \"q\"}}\n[1, 2]\n", "--eval-suite evals/jsonl.yaml", ["mini.cases.jsonl", ":2", "tests[1]", "expected a mapping"] },

        // The prompt file of a prompt-file suite.
        { "prompt file: unclosed [", "prompts/answer/v1.yaml", "name: answer\nversion: v1\nvariables: [question\nuser: \"{{question}}\"\n", "--eval-suite evals/prompted.yaml", ["prompts/answer/v1.yaml", ":3"] },
        { "prompt file: no user part", "prompts/answer/v1.yaml", "name: answer\nversion: v1\nvariables: [question]\nsystem: Answer briefly.\n", "--eval-suite evals/prompted.yaml", ["prompts/answer/v1.yaml", ":1", "user", "{{question}}"] },
        { "prompt file: outside the repository", "evals/prompted.yaml", PromptedSuite("file://../../outside.yaml"), "--eval-suite evals/prompted.yaml", ["evals/prompted.yaml", "outside the repository", "prompt"] },

        // The baseline.
        { "baseline: not JSON", Baseline, "{\n  \"Suite\": \"mini\",\n  \"Metrics\": {\n", "", [Baseline, ":", "--update-baseline"] },
        { "baseline: missing Metrics", Baseline, "{\"Suite\": \"mini\", \"Created\": \"2026-11-30T12:00:00+00:00\", \"Cases\": {}}", "", [Baseline, "Metrics", "--update-baseline"] },
        { "baseline: missing Cases", Baseline, "{\"Suite\": \"mini\", \"Created\": \"2026-11-30T12:00:00+00:00\", \"Metrics\": {}}", "", [Baseline, "Cases", "--update-baseline"] },
        { "baseline: wrong type", Baseline, "{\"Suite\": \"mini\", \"Created\": \"2026-11-30T12:00:00+00:00\", \"Metrics\": [], \"Cases\": {}}", "", [Baseline, "Metrics", "--update-baseline"] },
        { "baseline: empty", Baseline, "", "", [Baseline, "empty", "--update-baseline"] },
        { "baseline: binary", Baseline, "BINARY", "", [Baseline, "--update-baseline"] },
        { "baseline: huge", Baseline, "SPARSE:64", "", [Baseline, ":1", "larger than the 64 MB", "--update-baseline"] },

        // The progress file of an interrupted run.
        { "progress file: empty", Progress, "", "", [Progress, ":1", "delete the file"] },
        { "progress file: damaged header", Progress, "{\"identity\": \n{\"Id\": \"x\"}\n", "", [Progress, ":1", "identity", "delete the file"] },
        { "progress file: header of the wrong type", Progress, "[1]\n", "", [Progress, ":1", "identity", "delete the file"] },
        { "progress file: binary", Progress, "BINARY", "", [Progress, ":1", "delete the file"] },
        { "progress file: huge", Progress, "SPARSE:256", "", [Progress, ":1", "larger than the 256 MB", "delete the file"] },

        // The engine's state and parameter paths.
        { "continue state: empty", ".nuke/temp/continue.json", "", "--continue", ["continue.json", "delete the file"] },
        { "continue state: corrupt", ".nuke/temp/continue.json", "{\"targets\": [", "--continue", ["continue.json", "delete the file"] },
        { "profile: outside .nuke", ".nuke/parameters.json", "{}", "--profile ../x", ["../x", "not a profile name", "parameters.ci.json"] },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task A_bad_input_fails_naming_the_file_line_and_fix_without_a_stack_trace_or_a_changed_file(string name, string file, string content, string args, string[] expected)
    {
        EvalCases.Write(_root);
        WriteSupportingSuites();
        if (content is not null)
        {
            WriteInput(file, content);
        }

        await using var server = await FakeResearchAssistant.StartAsync();
        var before = Snapshot();

        string[] extra = [.. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        var (exitCode, output, _) = extra.Contains("--eval-suite")
            ? await LlmEvalBuild.RunOnGitHubAsync(new LlmEvalBuild(), _root.Path, ["LlmEval", "--eval-provider-url", server.QueryUrl.ToString(), .. extra])
            : await LlmEvalBuild.RunSuiteAsync(_root.Path, ["--eval-provider-url", server.QueryUrl.ToString(), .. extra]);

        exitCode.Should().NotBe(0, $"{name}: bad input must fail the build\n{output}");
        foreach (var fragment in expected)
        {
            output.Should().Contain(fragment, $"{name}: the message names the file, line, field and fix");
        }

        StackFrame().IsMatch(output).Should().BeFalse($"{name}: no stack trace\n{output}");
        var after = Snapshot();
        after.Where(f => before.ContainsKey(f.Key)).Should().BeEquivalentTo(before, $"{name}: bad input changes no file");
        after.Keys.Except(before.Keys).Where(f => !f.StartsWith(".nuke/", StringComparison.Ordinal)).Should().BeEmpty($"{name}: only the engine's own state (.nuke/) may be added");
    }

    /// <summary>Row: name, content of one recorded entry of the response cache (generated as in the corpus), what the message must contain.</summary>
    public static TheoryData<string, string, string[]> CacheEntries() => new()
    {
        { "cache entry: not JSON", "{\n  \"key\": \"abc\",\n  \"created\": ", [":3", "not JSON"] },
        { "cache entry: empty", "", ["not JSON"] },
        { "cache entry: top level is an array", "[{\"response\": {}}]", ["the top level is an array", "expected an object"] },
        { "cache entry: created is not a date", "{\"key\": \"abc\", \"created\": \"yesterday\", \"response\": {}}", ["'created' is '\"yesterday\"'", "ISO 8601"] },
        { "cache entry: binary", "BINARY", ["not JSON"] },
        { "cache entry: huge", "SPARSE:64", [":1", "larger than the 64 MB"] },
    };

    [Theory]
    [MemberData(nameof(CacheEntries))]
    public async Task A_bad_cache_entry_fails_the_run_naming_the_entry_and_the_fix_and_keeps_its_case(string name, string content, string[] expected)
    {
        // Every case must pass for the gates: the damaged entry alone has to fail the run.
        EvalCases.Write(_root);
        await using var server = await FakeResearchAssistant.StartAsync();
        string[] args = ["--eval-provider-url", server.QueryUrl.ToString(), "--eval-http-response-cache", "evals/**"];
        var (recorded, recordOutput, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, args);
        recorded.Should().Be(0, recordOutput);
        var entry = Directory.GetFiles(_root["evals/.cache"], "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        WriteInput(Path.GetRelativePath(_root.Path, entry), content);
        var before = Snapshot();

        var (exitCode, output, _) = await LlmEvalBuild.RunSuiteAsync(_root.Path, [.. args, "--eval-cache-mode", "read-only"]);

        exitCode.Should().NotBe(0, $"{name}: a damaged recording must fail the build\n{output}");
        output.Should().Contain("1 cache entry could not be read").And.Contain(Path.GetFileName(entry)).And.Contain("delete the file", name);
        foreach (var fragment in expected)
        {
            output.Should().Contain(fragment, name);
        }

        output.Should().Contain("4/5 cases passed", $"{name}: the case stays in the report with its error");
        StackFrame().IsMatch(output).Should().BeFalse($"{name}: no stack trace\n{output}");
        Snapshot().Where(f => before.ContainsKey(f.Key)).Should().BeEquivalentTo(before, $"{name}: the damaged entry is not re-recorded");
    }

    private static string SuiteWith(string from, string to)
    {
        using var root = new TempDirectory();
        EvalCases.Write(root);
        var text = File.ReadAllText(root[Suite]);
        return text.Contains(from, StringComparison.Ordinal) ? text.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException($"'{from}' not in the suite");
    }

    private static string CasesWith(string from, string to)
    {
        using var root = new TempDirectory();
        EvalCases.Write(root);
        var text = File.ReadAllText(root[Cases]);
        return text.Contains(from, StringComparison.Ordinal) ? text.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException($"'{from}' not in the cases");
    }

    private static string PromptedSuite(string prompt) =>
        $"name: prompted\nprovider:\n  id: answer\n  type: openai\n  model: gpt-4o-mini\n  prompt: {prompt}\ntests:\n  - id: a\n    vars: {{ question: q }}\n";

    private void WriteSupportingSuites()
    {
        var suite = File.ReadAllText(_root[Suite]);
        _root.Write("evals/json.yaml", suite.Replace("file://mini.cases.yaml", "file://mini.cases.json", StringComparison.Ordinal).Replace("name: mini", "name: json", StringComparison.Ordinal));
        _root.Write("evals/mini.cases.json", "[{\"id\": \"a\", \"vars\": {\"question\": \"q\"}}]\n");
        _root.Write("evals/jsonl.yaml", suite.Replace("file://mini.cases.yaml", "file://mini.cases.jsonl", StringComparison.Ordinal).Replace("name: mini", "name: jsonl", StringComparison.Ordinal));
        _root.Write("evals/mini.cases.jsonl", "{\"id\": \"a\", \"vars\": {\"question\": \"q\"}}\n");
        _root.Write("evals/prompted.yaml", PromptedSuite("file://../prompts/answer/v1.yaml"));
        _root.Write("prompts/answer/v1.yaml", "name: answer\nversion: v1\nvariables: [question]\nuser: \"{{question}}\"\n");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(_root.Path)!, "outside.yaml"), "name: outside\n");
    }

    private void WriteInput(string file, string content)
    {
        var path = _root[file];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (content)
        {
            case "BINARY":
                File.WriteAllBytes(path, [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x10]);
                break;
            case var megabytes when megabytes.StartsWith("SPARSE:", StringComparison.Ordinal):
                // One byte over the limit, without writing it: the size check must come before any read.
                using (var stream = new FileStream(path, FileMode.Create))
                {
                    stream.SetLength((long.Parse(megabytes[7..], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024) + 1);
                }

                break;
            case "HUGE":
                using (var writer = new StreamWriter(path))
                {
                    var line = "# " + new string('x', 1022);
                    for (var i = 0; i < 40 * 1024; i++)
                    {
                        writer.WriteLine(line);
                    }
                }

                break;
            default:
                File.WriteAllText(path, content);
                break;
        }
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root.Path, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("artifacts/", StringComparison.Ordinal) && f != "step-summary.md")
            .ToDictionary(f => f, f => Hash(_root[f]), StringComparer.Ordinal);

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    [GeneratedRegex(@"^\s+at [\w.`<>]+\.[\w<>`]+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
