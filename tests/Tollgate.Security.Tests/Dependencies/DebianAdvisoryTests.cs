using Tollgate.Security.Dependencies;
using Tollgate.Security.Sbom;

namespace Tollgate.Security.Tests.Dependencies;

public class DebianAdvisoryTests
{
    // Two paragraphs of a Debian 9 dpkg status: the binary libssl1.0.2 is built from the source package openssl1.0,
    // which is what Debian's advisories name.
    private const string Status = """
        Package: libssl1.0.2
        Status: install ok installed
        Priority: optional
        Source: openssl1.0 (1.0.2u-1~deb9u6)
        Version: 1.0.2u-1~deb9u6
        Description: Secure Sockets Layer toolkit - shared libraries

        Package: zlib1g
        Status: install ok installed
        Source: zlib
        Version: 1:1.2.8.dfsg-5
        Description: compression library - runtime

        """;

    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "osv-debian");

    [Theory]
    [InlineData("1.0.2u-1~deb9u6", "1.0.2u-1~deb9u7", -1)]
    [InlineData("1.0.2u-1~deb9u7", "1.0.2u-1", -1)]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1:1.2.8", "2.0", 1)]
    [InlineData("1.2.10", "1.2.9", 1)]
    [InlineData("1.2a", "1.2+b", -1)]
    [InlineData("2.30-1", "2.30-1", 0)]
    [InlineData("0:2.30", "2.30-0", 0)]
    [InlineData("1.0-1", "1.0-1.1", -1)]
    public void Debian_versions_compare_by_dpkg_rules(string a, string b, int sign)
    {
        Math.Sign(DebianVersion.Compare(a, b)).Should().Be(sign);
        Math.Sign(DebianVersion.Compare(b, a)).Should().Be(-sign);
    }

    [Fact]
    public async Task A_binary_package_is_matched_by_its_source_package_and_release_with_the_fixed_version()
    {
        var database = await OsvDatabase.LoadAsync(Fixture, "/", null, CancellationToken.None);
        var packages = ImageContents.ReadDpkgStatus(Status, "/var/lib/dpkg/status").Select(p => p with { Release = "9" }).ToList();

        var matches = packages.SelectMany(p => database.Match(p).Select(m => (p.Name, m.Advisory.Id, m.FixedIn))).ToList();

        matches.Should().Equal(("libssl1.0.2", "DLA-2953-1", "1.0.2u-1~deb9u7"));
    }

    [Theory]
    [InlineData("1.0.2u-1~deb9u7", "9")]
    [InlineData("1.0.2u-1~deb9u6", "12")]
    public async Task The_fixed_version_and_other_releases_are_not_matched(string version, string release)
    {
        var database = await OsvDatabase.LoadAsync(Fixture, "/", null, CancellationToken.None);
        var package = new Package("Debian", "libssl1.0.2", version, "/var/lib/dpkg/status", Direct: false) { SourceName = "openssl1.0", Release = release };

        database.Match(package).Should().BeEmpty();
    }

    [Fact]
    public void The_release_comes_from_os_release_of_a_debian_image_only()
    {
        ImageContents.DebianRelease("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n").Should().Be("12");
        ImageContents.DebianRelease("NAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nID=ubuntu\n").Should().BeNull();
    }

    [Fact]
    public void The_source_package_is_kept_only_when_it_differs_from_the_binary()
    {
        var packages = ImageContents.ReadDpkgStatus(Status + "\nPackage: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\n", "status");

        packages.Select(p => (p.Name, p.SourceName)).Should().Equal(("libssl1.0.2", "openssl1.0"), ("zlib1g", "zlib"), ("bash", null));
    }

    [Fact]
    public async Task Packages_read_from_an_image_tar_carry_the_release_of_its_os_release()
    {
        using var tar = new MemoryStream();
        using (var writer = new System.Formats.Tar.TarWriter(tar, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("./var/lib/dpkg/status", Status), ("./usr/lib/os-release", "ID=debian\nVERSION_ID=\"9\"\n") })
            {
                var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name) { DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)) };
                await writer.WriteEntryAsync(entry, CancellationToken.None);
            }
        }

        tar.Position = 0;
        var packages = await ImageContents.ReadAsync(tar, CancellationToken.None);
        var database = await OsvDatabase.LoadAsync(Fixture, "/", null, CancellationToken.None);

        packages.Should().OnlyContain(p => p.Release == "9");
        packages.SelectMany(database.Match).Select(m => m.Advisory.Id).Should().Equal("DLA-2953-1");
    }
}
