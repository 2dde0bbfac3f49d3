using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>Bots are told by the identities a commit carries: a committed .mailmap line cannot turn a person into one.</summary>
public sealed class MailmapBotTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly GitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void PersonMappedToABotName_StaysAPerson_ARealBotStaysABot()
    {
        _repo.Commit("Initial commit", files: new[] { ("README.md", "readme\n"), (".mailmap", "renovate[bot] <bob@example.com>\n") });
        string push = _repo.Commit("Hotfix rating", GitRepo.Bob, files: ("src/A.cs", "class A { }\n"));
        string bump = _repo.Commit("Bump Foo from 1.0 to 1.1", "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>", files: ("deps.txt", "foo 1.1\n"));

        var items = new LibGit2History().Read(_repo.Root, new HistoryOptions { Now = Now }, null, CancellationToken.None).Reviews.Items;

        Assert.Equal(EvidenceKind.DirectPush, items.Single(i => i.Sha == push).Evidence);
        Assert.Equal(EvidenceKind.Bot, items.Single(i => i.Sha == bump).Evidence);
    }
}
