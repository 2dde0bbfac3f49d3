using QualityGates.Core.History;

namespace QualityGates.Core.Tests.History;

/// <summary>Review markers are ASCII: a number in other scripts (full-width １２) is no pull request's.</summary>
public sealed class ReviewPatternsTests
{
    [Theory]
    [InlineData("Add discounts (#12)", true)]
    [InlineData("Add discounts (#１２)", false)]
    [InlineData("Add discounts (#١٢)", false)]
    public void SquashSubject_TakesAsciiDigitsOnly(string subject, bool marked)
    {
        Assert.Equal(marked, ReviewPatterns.SquashSubject.IsMatch(subject));
    }

    [Theory]
    [InlineData("Merge pull request #7 from org/branch", true)]
    [InlineData("Merge pull request #７ from org/branch", false)]
    [InlineData("Merged PR 8: Fix rounding", true)]
    [InlineData("Merged PR ８: Fix rounding", false)]
    public void PullRequestSubjects_TakeAsciiDigitsOnly(string subject, bool marked)
    {
        Assert.Equal(marked, ReviewPatterns.PullRequestSubject.Any(p => p.IsMatch(subject)));
    }
}
