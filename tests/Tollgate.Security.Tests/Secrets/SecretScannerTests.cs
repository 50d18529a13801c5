using Tollgate.Security.Secrets;
using Tollgate.Security.Tests.Support;

namespace Tollgate.Security.Tests.Secrets;

public class SecretScannerTests
{
    [Fact]
    public async Task Secrets_planted_in_a_working_tree_are_found_with_redacted_messages()
    {
        using var repo = new TempGitRepo();
        var openAi = FakeSecrets.OpenAi();
        var aws = FakeSecrets.AwsKeyId();
        repo.Write("src/appsettings.json", $"{{\n  \"OpenAI\": {{ \"ApiKey\": \"{openAi}\" }}\n}}\n");
        repo.Write("deploy/.env", $"# aws\nAWS_ACCESS_KEY_ID={aws}\n");
        repo.Write("README.md", "nothing to see\n");
        repo.Write("image.bin", "\0\0binary " + FakeSecrets.GitHub());
        repo.Write("ignored/secret.txt", FakeSecrets.GitHub());
        repo.Write(".gitignore", "ignored/\n");
        repo.Commit("initial");
        repo.Write("untracked.txt", $"token = {FakeSecrets.GitHub()}\n");

        var result = await new SecretScanner(new SecretScanOptions(repo.Path)).ScanAsync(CancellationToken.None);

        result.Status.Should().Be(ScannerStatus.Ran);
        result.Findings.Select(f => (f.RuleId, f.Location.Path, f.Location.Line)).Should().Equal(
            ("SEC003", "deploy/.env", 2),
            ("SEC001", "src/appsettings.json", 2),
            ("SEC005", "untracked.txt", 1));
        result.Findings.Should().OnlyContain(f => !f.Message.Contains(openAi) && !f.Message.Contains(aws));
        result.Reason.Should().Contain("1 binary");
    }

    [Fact]
    public async Task Outside_git_every_file_but_build_output_is_scanned_and_excludes_apply()
    {
        using var directory = new Tollgate.TestSupport.TempDirectory("tollgate-scan");
        directory.Write("a/config.yaml", $"password: {FakeSecrets.Jwt()}\n");
        directory.Write("bin/Debug/app.json", FakeSecrets.GitHub());
        directory.Write("fixtures/key.txt", FakeSecrets.GitHub());

        var result = await new SecretScanner(new SecretScanOptions(directory.Path) { ExcludeGlobs = ["fixtures/**"] }).ScanAsync(CancellationToken.None);

        result.Findings.Select(f => f.Location.Path).Should().Equal("a/config.yaml");
    }

    [Fact]
    public async Task Only_a_NUL_byte_in_the_first_block_makes_a_file_binary_and_oversized_files_are_skipped()
    {
        using var directory = new Tollgate.TestSupport.TempDirectory("tollgate-scan");
        var padding = new string('a', 9000);
        directory.Write("late-nul.txt", $"{padding}\0\ntoken = {FakeSecrets.GitHub()}\n");
        directory.Write("early-nul.bin", $"\0{padding}\ntoken = {FakeSecrets.GitHub()}\n");
        directory.Write("large.txt", $"{padding}{padding}\ntoken = {FakeSecrets.GitHub()}\n");
        directory.Write("empty.txt", string.Empty);

        var result = await new SecretScanner(new SecretScanOptions(directory.Path) { MaxFileBytes = 12_000 }).ScanAsync(CancellationToken.None);

        result.Findings.Select(f => (f.Location.Path, f.Location.Line)).Should().Equal(("late-nul.txt", 2));
        result.Reason.Should().Contain("2 binary or oversized");
    }

    [Fact]
    public void A_file_deleted_after_it_was_listed_is_skipped()
    {
        using var directory = new Tollgate.TestSupport.TempDirectory("tollgate-scan");

        SecretScanner.ScanFile(Path.Combine(directory.Path, "gone.txt"), 1024, new SecretEngine()).Should().BeNull();
    }

    [Fact]
    public async Task A_secret_added_and_removed_in_an_old_commit_is_found_by_the_history_scan()
    {
        using var repo = new TempGitRepo();
        repo.Write("app.py", "print('hello')\n");
        repo.Commit("first");
        var key = FakeSecrets.GitHub();
        repo.Write("app.py", $"print('hello')\n\nGITHUB_TOKEN = '{key}'\n");
        var leaking = repo.Commit("add token");
        repo.Write("app.py", "import os\nprint('hello')\nGITHUB_TOKEN = os.environ['GITHUB_TOKEN']\n");
        repo.Commit("remove token");

        var tree = await new SecretScanner(new SecretScanOptions(repo.Path)).ScanAsync(CancellationToken.None);
        var history = await new GitHistoryScanner(new SecretScanOptions(repo.Path)).ScanAsync(CancellationToken.None);

        tree.Findings.Should().BeEmpty();
        var finding = history.Findings.Should().ContainSingle().Subject;
        finding.Scanner.Should().Be("secret-history");
        finding.Location.Should().BeEquivalentTo(new FindingLocation("app.py", 3, 17) { Commit = leaking });
        finding.Message.Should().Contain(leaking[..12]).And.NotContain(key);
        history.ItemsScanned.Should().Be(3);
    }

    [Fact]
    public async Task A_digest_that_names_its_own_file_is_a_content_address_not_a_secret_in_the_tree_and_in_history()
    {
        using var repo = new TempGitRepo();
        var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("a cached request"u8)).ToLowerInvariant();
        var entry = $"{{\n  \"key\": \"{digest}\",\n  \"label\": \"case-1\"\n}}\n";
        repo.Write($"evals/.cache/{digest[..2]}/{digest}.json", entry);
        repo.Write("config/settings.json", entry);
        repo.Write($"tokens/{digest}.txt", $"token = {FakeSecrets.GitHub()}\n");
        repo.Commit("a cache entry, the same value elsewhere, and a token in a file named by the digest");
        repo.Git("rm", "-q", "-r", "evals");
        repo.Commit("remove the cache");

        var tree = await new SecretScanner(new SecretScanOptions(repo.Path)).ScanAsync(CancellationToken.None);
        var history = await new GitHistoryScanner(new SecretScanOptions(repo.Path)).ScanAsync(CancellationToken.None);

        tree.Findings.Select(f => (f.RuleId, f.Location.Path)).Should().BeEquivalentTo(
            [("SEC015", "config/settings.json"), ("SEC005", $"tokens/{digest}.txt")], "the same digest under another file name is still reported, and a specific rule still fires");
        history.Findings.Select(f => (f.RuleId, f.Location.Path)).Should().BeEquivalentTo(
            [("SEC015", "config/settings.json"), ("SEC005", $"tokens/{digest}.txt")], "the removed cache entry was never a secret");
    }

    [Fact]
    public async Task The_history_scan_reads_only_the_given_range()
    {
        using var repo = new TempGitRepo();
        repo.Write("old.txt", $"token = {FakeSecrets.GitHub()}\n");
        repo.Commit("old leak");
        repo.Git("tag", "base");
        repo.Write("new.txt", $"key = {FakeSecrets.AwsKeyId()}\n");
        repo.Commit("new leak");

        var history = await new GitHistoryScanner(new SecretScanOptions(repo.Path) { HistoryRange = "base..HEAD" }).ScanAsync(CancellationToken.None);

        history.Findings.Select(f => f.Location.Path).Should().Equal("new.txt");
    }

    [Fact]
    public async Task History_outside_a_repository_is_not_run_with_the_reason()
    {
        using var directory = new Tollgate.TestSupport.TempDirectory("tollgate-scan");

        var history = await new GitHistoryScanner(new SecretScanOptions(directory.Path)).ScanAsync(CancellationToken.None);

        history.Status.Should().Be(ScannerStatus.NotRun);
        history.Reason.Should().Contain("not a git work tree");
    }

    [Fact]
    public void The_fingerprint_survives_moved_lines_and_changes_with_the_secret()
    {
        var engine = new SecretEngine();
        var key = FakeSecrets.GitHub();
        Finding Find(string text) => SecretFindings.From("secrets", engine.Scan(text).Single(), "a.txt");

        var original = Find($"token = {key}");
        var moved = Find($"\n\n\n   token = {key}");
        var changed = Find($"token = {FakeSecrets.GitHub()}");

        moved.Location.Line.Should().Be(4);
        moved.Fingerprint.Should().Be(original.Fingerprint);
        changed.Fingerprint.Should().NotBe(original.Fingerprint);
    }
}
