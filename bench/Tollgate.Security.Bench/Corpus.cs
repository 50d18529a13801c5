using System.Text;

/// <summary>
/// A generated corpus: source, config and prose files with secrets planted at known lines (generated at run time,
/// never committed). Both scanners read the same files.
/// </summary>
internal sealed class Corpus(string directory, Random random)
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] Filler =
    [
        "    public async Task<IReadOnlyList<Order>> GetOrdersAsync(int customerId, CancellationToken cancellationToken)",
        "        var result = await repository.FindAsync(x => x.CustomerId == customerId, cancellationToken);",
        "  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\", \"Microsoft.AspNetCore\": \"Warning\" } },",
        "The service answers questions about the handbook; every answer cites the passages it was built from.",
        "export function formatDate(value: Date): string { return value.toISOString().slice(0, 10); }",
        "      - name: Restore",
        "        run: dotnet restore --locked-mode",
        "SELECT id, name, created_at FROM customers WHERE deleted_at IS NULL ORDER BY created_at DESC;",
        "// The key of the dictionary is the tenant id; the value holds its settings.",
        "replicaCount: 2",
        "image: { repository: registry.example/app, tag: \"1.4.2\" }",
        "if (token.IsCancellationRequested) { return; }",
    ];

    public List<(string File, int Line, string Kind)> Planted { get; } = [];

    public long Write(long targetBytes, int files)
    {
        Directory.CreateDirectory(directory);
        var perFile = targetBytes / files;
        long total = 0;
        var extensions = new[] { ".cs", ".json", ".yaml", ".md", ".ts", ".env" };
        for (var f = 0; f < files; f++)
        {
            var name = $"dir{f % 16:00}/file{f:0000}{extensions[f % extensions.Length]}";
            var text = new StringBuilder();
            var line = 0;
            while (text.Length < perFile)
            {
                line++;
                if (random.Next(4000) == 0)
                {
                    var (kind, content) = Secret();
                    Planted.Add((name, line, kind));
                    text.Append(content).Append('\n');
                    line += content.Count(c => c == '\n');
                }
                else
                {
                    text.Append(Filler[random.Next(Filler.Length)]).Append('\n');
                }
            }

            var path = Path.Combine(directory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ToString());
            total += text.Length;
        }

        return total;
    }

    private string Rand(int length, string alphabet = Alnum) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    // Kinds both tools have rules for, so recall compares like with like.
    private (string Kind, string Content) Secret() => random.Next(6) switch
    {
        0 => ("aws", $"aws_access_key_id = {string.Concat("AK", "IA")}{Rand(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}"),
        1 => ("github", $"GITHUB_TOKEN={string.Concat("gh", "p_")}{Rand(36)}"),
        2 => ("slack", $"SLACK_TOKEN={string.Concat("xo", "xb-")}{Rand(11, "0123456789")}-{Rand(13, "0123456789")}-{Rand(24)}"),
        3 => ("openai", $"OPENAI_API_KEY=sk-proj-{Rand(40)}{string.Concat("T3Blb", "kFJ")}{Rand(40)}"),
        4 => ("private-key", $"-----BEGIN RSA {"PRIVATE"} KEY-----\n{Rand(64, Alnum + "+/")}\n{Rand(64, Alnum + "+/")}\n-----END RSA {"PRIVATE"} KEY-----"),
        _ => ("connection-string", $"DATABASE_URL=postgres://app:{Rand(20)}@db.internal:5432/app"),
    };
}
