namespace QualityGates.Core.History;

/// <summary>Wilson score interval: honest bounds for a rate from few observations (unlike p ± z·√(p(1-p)/n)).</summary>
public static class Wilson
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static (double Low, double High)? Interval(int successes, int n, double z = Z95)
    {
        if (n <= 0 || successes < 0 || successes > n)
        {
            return null;
        }

        double p = (double)successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
