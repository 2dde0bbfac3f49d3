using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

public sealed class TreemapTests
{
    [Fact]
    public void Layout_ClassicExampleFromThePaper()
    {
        // Bruls et al.'s example: 6 x 4 canvas, areas 6 6 4 3 2 2 1.
        var rects = Treemap.Layout(new double[] { 6, 6, 4, 3, 2, 2, 1 }, 6, 4);
        Assert.Equal(7, rects.Count);
        Assert.Equal(new TreemapRect(0, 0, 0, 3, 2), rects[0]);
        Assert.Equal(new TreemapRect(1, 0, 2, 3, 2), rects[1]);
        foreach (var r in rects)
        {
            Assert.InRange(r.X, -1e-9, 6);
            Assert.InRange(r.Y, -1e-9, 4);
            Assert.InRange(r.X + r.Width, 0, 6 + 1e-9);
            Assert.InRange(r.Y + r.Height, 0, 4 + 1e-9);
        }

        Assert.Equal(24, rects.Sum(r => r.Width * r.Height), 9);
        var expected = new double[] { 6, 6, 4, 3, 2, 2, 1 };
        foreach (var r in rects)
        {
            Assert.Equal(expected[r.Index], r.Width * r.Height, 9);
        }
    }

    [Fact]
    public void Layout_SkipsEmptyItemsAndHandlesNothing()
    {
        Assert.Empty(Treemap.Layout(Array.Empty<double>(), 10, 10));
        Assert.Empty(Treemap.Layout(new double[] { 0, 0 }, 10, 10));
        var rects = Treemap.Layout(new double[] { 5, 0, 5 }, 10, 10);
        Assert.Equal("0,2", string.Join(",", rects.Select(r => r.Index)));
    }
}
