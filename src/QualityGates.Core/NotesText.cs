using System.Globalization;

namespace QualityGates.Core;

/// <summary>How a note names the files it is about: a few in quotes, then how many more.</summary>
internal static class NotesText
{
    /// <summary>Paths a note names before it counts the rest.</summary>
    public const int MaxNamed = 5;

    /// <summary>Up to <see cref="MaxNamed"/> paths in quotes, then how many more (<c>'a', 'b' and 3 more</c>).</summary>
    public static string Named(IReadOnlyCollection<string> paths)
    {
        string named = string.Join(", ", paths.Take(MaxNamed).Select(p => $"'{p}'"));
        return paths.Count > MaxNamed
            ? named + string.Format(CultureInfo.InvariantCulture, " and {0} more", paths.Count - MaxNamed)
            : named;
    }
}
