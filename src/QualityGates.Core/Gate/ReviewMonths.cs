using System.Globalization;
using QualityGates.Core.History;

namespace QualityGates.Core.Gate;

/// <summary>Review figures of one calendar month (UTC, by committer date), as in the window's totals.</summary>
public sealed record ReviewMonth(
    string Month,
    int Landings,
    int HumanLandings,
    int Reviewed,
    double? ReviewCoverage,
    double? PassRate,
    double? FirstPassRate);

/// <summary>Splits the window's landings into months for the report's per-month chart. Pure: "now" comes in.</summary>
public static class ReviewMonths
{
    /// <summary>
    /// One entry per month, oldest first. With <paramref name="windowEnd"/> every month from the window's start to its
    /// end is listed (a month without landings has zero counts and null rates, so the chart shows the gap); without it
    /// only the months that have landings.
    /// </summary>
    public static IReadOnlyList<ReviewMonth> Compute(IReadOnlyList<Landing> landings, int windowDays, DateTimeOffset? windowEnd)
    {
        var byMonth = landings
            .GroupBy(l => MonthKey(l.When))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var months = new SortedSet<string>(byMonth.Keys, StringComparer.Ordinal);
        if (windowEnd is DateTimeOffset end)
        {
            DateTime first = FirstOfMonth(end.AddDays(-windowDays));
            for (DateTime m = first; m <= FirstOfMonth(end); m = m.AddMonths(1))
            {
                months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            }
        }

        return months.Select(m => Figures(m, byMonth.GetValueOrDefault(m) ?? new List<Landing>())).ToList();
    }

    /// <summary>The same arithmetic as the window's figures (LibGit2History.Reviews), on one month's landings.</summary>
    private static ReviewMonth Figures(string month, List<Landing> items)
    {
        int human = items.Count(i => i.Evidence != EvidenceKind.Bot);
        int reviewed = items.Count(i => ReviewClassifier.IsReviewed(i.Evidence));
        int revertedReviewed = items.Count(i => ReviewClassifier.IsReviewed(i.Evidence) && i.Reverted);
        int prs = items.Count(i => i.FirstPass != null);
        int firstPassed = items.Count(i => i.FirstPass == true);
        return new ReviewMonth(
            month,
            items.Count,
            human,
            reviewed,
            human > 0 ? (double)reviewed / human : null,
            reviewed > 0 ? 1 - ((double)revertedReviewed / reviewed) : null,
            prs > 0 ? (double)firstPassed / prs : null);
    }

    private static string MonthKey(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTime FirstOfMonth(DateTimeOffset when) => new(when.UtcDateTime.Year, when.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}
