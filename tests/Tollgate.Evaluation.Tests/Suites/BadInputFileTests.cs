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

    [Theory]
    [InlineData("baseline", 64, "*s.baseline.json:1: the file is 64 MB, larger than the 64 MB a baseline may have*--update-baseline*")]
    [InlineData("progress", 256, "*progress.jsonl:1: the file is 256 MB, larger than the 256 MB a progress file may have*delete the file*")]
    [InlineData("cache", 64, "*entry.json:1: unreadable cache entry: the file is 64 MB, larger than the 64 MB a cache entry may have*delete the file*")]
    public async Task A_state_file_over_its_size_limit_is_refused_by_name_limit_and_fix_before_it_is_read(string kind, int megabytes, string message)
    {
        var path = _dir[kind switch { "baseline" => "s.baseline.json", "progress" => "progress.jsonl", _ => "entry.json" }];
        using (var stream = new FileStream(path, FileMode.Create))
        {
            // Sparse: one byte over the limit without writing it; reading it whole would take the memory the check saves.
            stream.SetLength((megabytes * 1024L * 1024L) + 1);
        }

        Func<Task> read = kind switch
        {
            "baseline" => () => Task.FromResult(new BaselineStore(path).Load()),
            "progress" => () => Task.FromResult(ResumeLog.Open(path, "id")),
            _ => () => new ResponseCache(new CacheOptions(_dir.Path)).TryReadAsync<TargetResponse>(path, CancellationToken.None),
        };

        await read.Should().ThrowAsync<TollgateException>().WithMessage(message);
        new FileInfo(path).Length.Should().Be((megabytes * 1024L * 1024L) + 1);
    }

    [Fact]
    public void A_golden_case_without_an_id_names_its_line_and_asks_for_a_stable_id()
    {
        var suite = _dir.Write("evals/s.yaml", SuiteText);
        _dir.Write("evals/cases.yaml", "- id: a\n  vars: { question: q }\n- vars: { question: r }\n");

        var load = () => SuiteLoader.Load(suite);

        load.Should().Throw<SuiteException>().WithMessage("*cases.yaml:3:3: tests[1].id: case 2 has no 'id'; give every case a stable, unique id*");
    }

    [Fact]
    public void A_prompt_file_without_a_user_part_names_the_file_and_how_to_add_one()
    {
        var suite = _dir.Write("evals/s.yaml", "name: s\nprovider: { id: p, type: openai, model: m, prompt: file://../prompts/a/v1.yaml }\ntests:\n  - id: a\n    vars: { topic: q }\n");
        _dir.Write("prompts/a/v1.yaml", "name: a\nversion: v1\nvariables: [topic]\nsystem: Answer briefly.\n");

        var load = () => SuiteLoader.Load(suite);

        load.Should().Throw<SuiteException>().WithMessage("*v1.yaml:1:1: user: the prompt file has no 'user' part*user: \"{{topic}}\"*");
    }
}
