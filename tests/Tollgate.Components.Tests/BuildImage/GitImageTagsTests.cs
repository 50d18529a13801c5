using Tollgate.Components.BuildImage;

namespace Tollgate.Components.Tests.BuildImage;

public sealed class GitImageTagsTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void The_default_branch_gets_the_branch_the_short_sha_and_latest() =>
        GitImageTags.For(new GitRevision(Sha, "main", null, null, "main", null)).Should().Equal("main", "0123456", "latest");

    [Fact]
    public void Another_branch_gets_its_slug_and_never_latest() =>
        GitImageTags.For(new GitRevision(Sha, "Feature/Add_OAuth--Login!", null, null, "main", null)).Should().Equal("feature-add_oauth-login", "0123456");

    [Fact]
    public void A_pull_request_gets_its_number_and_not_the_branch() =>
        GitImageTags.For(new GitRevision(Sha, "feature/x", null, 42, "main", null)).Should().Equal("pr-42", "0123456");

    [Fact]
    public void A_release_tag_gets_the_full_minor_and_major_versions()
    {
        var revision = new GitRevision(Sha, null, "v1.2.3", null, "main", null);

        GitImageTags.For(revision).Should().Equal("1.2.3", "1.2", "1", "0123456");
        GitImageTags.Version(revision).Should().Be("1.2.3");
    }

    [Fact]
    public void A_pre_release_tag_gets_only_its_full_version() =>
        GitImageTags.For(new GitRevision(Sha, null, "v2.0.0-rc.1", null, "main", null)).Should().Equal("2.0.0-rc.1", "0123456");

    [Fact]
    public void Without_a_tag_the_version_names_the_branch_and_commit() =>
        GitImageTags.Version(new GitRevision(Sha, "dev", null, null, "main", null)).Should().Be("0.0.0-dev.0123456");

    [Theory]
    [InlineData("--..weird..--", "weird")]
    [InlineData("!!!", "untitled")]
    public void Slugs_are_valid_tags(string text, string slug) => GitImageTags.Slug(text).Should().Be(slug);
}
