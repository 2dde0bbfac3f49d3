using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

public sealed class MailmapTests
{
    private static readonly Mailmap Map = Mailmap.Parse(
        "# comment\n" +
        "Proper One <one@x>\n" +
        "<two@proper> <two@old>\n" +
        "Proper Three <three@proper> <three@old>\n" +
        "Proper Four <four@proper> Old Four <four@old>\n" +
        "no email here\n" +
        "Broken <unclosed\n");

    [Theory]
    [InlineData("one", "one@x", "Proper One", "one@x")]
    [InlineData("Two", "TWO@old", "Two", "two@proper")]
    [InlineData("x", "three@old", "Proper Three", "three@proper")]
    [InlineData("old four", "four@old", "Proper Four", "four@proper")]
    [InlineData("Someone Else", "four@old", "Someone Else", "four@old")]
    [InlineData("Unknown", "u@x", "Unknown", "u@x")]
    public void Map_AllFourForms(string name, string email, string properName, string properEmail) =>
        Assert.Equal((properName, properEmail), Map.Map(name, email));

    [Fact]
    public void Parse_SkipsCommentsAndBrokenLines() => Assert.Equal(4, Map.Count);
}
