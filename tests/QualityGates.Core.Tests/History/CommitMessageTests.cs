using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

public sealed class CommitMessageTests
{
    [Fact]
    public void Trailers_OnlyInTheLastParagraph()
    {
        var t = CommitMessage.Trailers("Subject\n\nReviewed-by: A <a@x>\n\nBody text here.\n");
        Assert.Empty(t);
    }

    [Fact]
    public void Trailers_NeverInTheSubject()
    {
        Assert.Empty(CommitMessage.Trailers("Reviewed-by: A <a@x>\n"));
        Assert.Empty(CommitMessage.Trailers("Fix: the thing"));
    }

    [Fact]
    public void Trailers_AllLinesTrailers_WithContinuation()
    {
        var t = CommitMessage.Trailers("Subject\n\nBody.\n\nReviewed-by: A Person\n  <a@x>\nAcked-by: B <b@x>\n");
        Assert.Equal(new[] { new KeyValuePair<string, string>("Reviewed-by", "A Person <a@x>"), new KeyValuePair<string, string>("Acked-by", "B <b@x>") }, t);
    }

    [Fact]
    public void Trailers_MixedParagraph_NeedsAGitGeneratedTrailerAndOneQuarter()
    {
        Assert.Empty(CommitMessage.Trailers("S\n\nsome text\nReviewed-by: A <a@x>\n"));
        Assert.Equal(2, CommitMessage.Trailers("S\n\nsome text\nmore text\nReviewed-by: A <a@x>\nSigned-off-by: B <b@x>\n").Count);
        Assert.Empty(CommitMessage.Trailers("S\n\nt1\nt2\nt3\nt4\nt5\nt6\nt7\nSigned-off-by: B <b@x>\nReviewed-by: A <a@x>\n"));
    }

    [Fact]
    public void Trailers_KeyWithSpace_IsNotATrailer()
    {
        Assert.Empty(CommitMessage.Trailers("S\n\nDifferential Revision: https://x/D1\n"));
        Assert.True(CommitMessage.HasDifferentialRevision("S\n\nDifferential Revision: https://x/D1\n"));
        Assert.False(CommitMessage.HasDifferentialRevision("Differential Revision: in the subject"));
    }

    [Fact]
    public void Trailers_CrLf()
    {
        Assert.Single(CommitMessage.Trailers("S\r\n\r\nReviewed-by: A <a@x>\r\n"));
    }

    [Fact]
    public void RevertTargets_FullAndAbbreviated()
    {
        Assert.Equal(new[] { "abcdef1", "0123456789abcdef0123456789abcdef01234567" },
            CommitMessage.RevertTargets("Revert\n\nThis reverts commit ABCDEF1.\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\nThis reverts commit abc."));
    }

    [Theory]
    [InlineData("Name <e@x>", "Name", "e@x")]
    [InlineData("<e@x>", "", "e@x")]
    [InlineData("e@x", "", "e@x")]
    [InlineData("Just A Name", "Just A Name", "")]
    [InlineData("Broken <e@x", "Broken <e@x", "")]
    public void Person_SplitsNameAndEmail(string value, string name, string email) =>
        Assert.Equal((name, email), CommitMessage.Person(value));

    [Fact]
    public void Subject_IsTheFirstLine()
    {
        Assert.Equal("Title", CommitMessage.Subject("\n  Title  \r\nbody"));
        Assert.Equal("42", CommitMessage.MergeRequest("M\n\nSee merge request a/b!42\n"));
        Assert.Null(CommitMessage.MergeRequest("See merge request a/b"));
    }
}
