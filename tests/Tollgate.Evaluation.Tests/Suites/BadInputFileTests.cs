using Tollgate.Evaluation.Prompts;

namespace Tollgate.Evaluation.Tests.Suites;

/// <summary>The files of a suite that are not YAML mistakes: huge, binary, outside the repository; and the other state files.</summary>
public sealed class BadInputFileTests : IDisposable
{
    private const string SuiteText = "name: s\nprovider: { id: p, type: delegate }\ntests: file://cases.yaml\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_huge_golden_set_is_refused_by_name_and_size_before_it_is_parsed()
    {
        var suite = _dir.Write("evals/s.yaml", SuiteText);
        using (var writer = new StreamWriter(_dir["evals/cases.yaml"]))
        {
            for (var i = 0; i < 11 * 1024; i++)
            {
                writer.WriteLine("# " + new string('x', 1021));
            }
        }

        var load = () => SuiteLoader.Load(suite);

        load.Should().Throw<SuiteException>().WithMessage("*cases.yaml:1*11 MB, larger than the 10 MB*split the golden set*");
    }

    [Fact]
    public void A_binary_suite_names_the_file_the_line_and_the_byte()
    {
        var suite = _dir["evals/s.yaml"];
        Directory.CreateDirectory(Path.GetDirectoryName(suite)!);
        File.WriteAllBytes(suite, [(byte)'a', (byte)':', (byte)' ', (byte)'1', (byte)'\n', 0xC3, 0x28, 0x00]);

        var load = () => SuiteLoader.Load(suite);

        load.Should().Throw<SuiteException>().WithMessage("*s.yaml:2*binary or not UTF-8 (byte 0x00 at offset 7)*right file*");
    }

    [Fact]
    public void Invalid_utf8_without_a_nul_byte_names_the_first_bad_byte()
    {
        var suite = _dir["evals/s.yaml"];
        Directory.CreateDirectory(Path.GetDirectoryName(suite)!);
        File.WriteAllBytes(suite, [(byte)'a', (byte)':', (byte)' ', 0xFF, (byte)'\n']);

        var load = () => SuiteLoader.Load(suite);

        load.Should().Throw<SuiteException>().WithMessage("*s.yaml:1*byte 0xFF at offset 3*");
    }

    [Fact]
    public void A_golden_set_outside_the_repository_is_refused_when_the_root_is_given()
    {
        var root = _dir["repo"];
        var suite = _dir.Write("repo/evals/s.yaml", SuiteText.Replace("file://cases.yaml", "file://../../cases.yaml", StringComparison.Ordinal));
        _dir.Write("cases.yaml", "- id: a\n  vars: { question: q }\n");

        var load = () => SuiteLoader.Load(suite, root);

        load.Should().Throw<SuiteException>().WithMessage("*s.yaml:3*'file://../../cases.yaml' is outside the repository*");
        SuiteLoader.Load(suite).Cases.Should().ContainSingle("without a root the reference is followed");
    }

    [Fact]
    public void A_prompt_file_with_an_unclosed_bracket_names_its_line()
    {
        var result = PromptFileParser.ParseText("name: answer\nversion: v1\nvariables: [question\nuser: \"{{question}}\"\n", "prompts/answer/v1.yaml");

        result.File.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.ToString().Should().Contain("prompts/answer/v1.yaml").And.Contain("unterminated [");
    }

    [Theory]
    [InlineData("", "*:1: the baseline is empty*--update-baseline*")]
    [InlineData("{\"Suite\": \"s\", \"Created\": \"2026-11-30T12:00:00+00:00\", \"Cases\": {}}", "*:1: 'Metrics' is missing*--update-baseline*")]
    [InlineData("{\"Suite\": \"s\", \"Created\": \"2026-11-30T12:00:00+00:00\", \"Metrics\": {}}", "*:1: 'Cases' is missing*--update-baseline*")]
    [InlineData("null", "*the baseline object is missing*")]
    [InlineData("{\n  \"Suite\": \"s\",\n  \"Metrics\": [1]\n}", "*:3: the baseline is not valid*--update-baseline*")]
    public void A_bad_baseline_names_the_file_line_and_fix(string content, string message)
    {
        _dir.Write("s.baseline.json", content);
        var store = new BaselineStore(_dir["s.baseline.json"]);

        var load = () => store.Load();

        load.Should().Throw<TollgateException>().WithMessage(message);
    }

    [Theory]
    [InlineData("", "*:1: the progress file is empty*delete the file*")]
    [InlineData("{\"identity\": \n", "*:1: expected the run's identity*delete the file*")]
    [InlineData("[1]\n", "*:1: expected the run's identity*found '[1]'*")]
    public void An_empty_or_damaged_progress_file_is_an_error_and_is_left_as_it_was(string content, string message)
    {
        var log = _dir.Write("progress.jsonl", content);

        var open = () => ResumeLog.Open(log, "id");

        open.Should().Throw<TollgateException>().WithMessage(message);
        File.ReadAllText(log).Should().Be(content);
    }
}
