namespace QualityGates.Core.Reports;

/// <summary>A laid-out rectangle for item <see cref="Index"/> of the input.</summary>
public readonly record struct TreemapRect(int Index, double X, double Y, double Width, double Height);

/// <summary>
/// Squarified treemap (Bruls, Huizing, van Wijk 2000): rows of rectangles laid along the short side, a row closed
/// when adding the next item would worsen its worst aspect ratio. Sizes must be sorted largest first.
/// </summary>
public static class Treemap
{
    public static IReadOnlyList<TreemapRect> Layout(IReadOnlyList<double> sizes, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var result = new List<TreemapRect>(sizes.Count);
        var total = sizes.Where(s => s > 0).Sum();
        if (total <= 0 || width <= 0 || height <= 0)
        {
            return result;
        }

        // Work in area units so the row maths is independent of the canvas.
        var scale = width * height / total;
        double x = 0, y = 0, w = width, h = height;
        var row = new List<int>();
        double rowArea = 0;
        var i = 0;
        while (i < sizes.Count)
        {
            var area = Math.Max(sizes[i], 0) * scale;
            if (area <= 0)
            {
                i++;
                continue;
            }

            var side = Math.Min(w, h);
            if (row.Count == 0 || Worst(row, rowArea + area, area, sizes, scale, side) <= Worst(row, rowArea, 0, sizes, scale, side))
            {
                row.Add(i);
                rowArea += area;
                i++;
                continue;
            }

            Place(row, rowArea, sizes, scale, ref x, ref y, ref w, ref h, result);
            row.Clear();
            rowArea = 0;
        }

        if (row.Count > 0)
        {
            Place(row, rowArea, sizes, scale, ref x, ref y, ref w, ref h, result);
        }

        return result;
    }

    private static double Worst(List<int> row, double rowArea, double extra, IReadOnlyList<double> sizes, double scale, double side)
    {
        if (rowArea <= 0)
        {
            return double.PositiveInfinity;
        }

        double min = extra > 0 ? extra : double.PositiveInfinity, max = extra;
        foreach (var j in row)
        {
            var a = sizes[j] * scale;
            min = Math.Min(min, a);
            max = Math.Max(max, a);
        }

        var s2 = side * side;
        var r2 = rowArea * rowArea;
        return Math.Max(s2 * max / r2, r2 / (s2 * min));
    }

    private static void Place(List<int> row, double rowArea, IReadOnlyList<double> sizes, double scale,
        ref double x, ref double y, ref double w, ref double h, List<TreemapRect> result)
    {
        if (w >= h)
        {
            // A column on the left, items stacked top to bottom.
            var colWidth = rowArea / h;
            var cy = y;
            foreach (var j in row)
            {
                var ih = sizes[j] * scale / colWidth;
                result.Add(new TreemapRect(j, x, cy, colWidth, ih));
                cy += ih;
            }

            x += colWidth;
            w -= colWidth;
        }
        else
        {
            var rowHeight = rowArea / w;
            var cx = x;
            foreach (var j in row)
            {
                var iw = sizes[j] * scale / rowHeight;
                result.Add(new TreemapRect(j, cx, y, iw, rowHeight));
                cx += iw;
            }

            y += rowHeight;
            h -= rowHeight;
        }
    }
}
