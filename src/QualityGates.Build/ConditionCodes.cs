namespace QualityGates.Build;

/// <summary>How a condition's actual and threshold read: a rate (fraction 0..1, shown as a percentage) or a count.</summary>
internal enum ValueKind
{
    Rate,
    Number,
}

/// <summary>The fixed mapping from the engine's condition ids (public contract of issue 3) to MSBuild error codes.</summary>
internal static class ConditionCodes
{
    /// <summary>A condition id this version does not know yet: still reported, never dropped.</summary>
    public const string Unknown = "QGB1999";

    private static readonly Dictionary<string, (string Code, ValueKind Kind)> Map = new(StringComparer.Ordinal)
    {
        ["coverage.line"] = ("QGB1001", ValueKind.Rate),
        ["coverage.branch"] = ("QGB1002", ValueKind.Rate),
        ["coverage.newCode"] = ("QGB1003", ValueKind.Rate),
        ["coverage.critical"] = ("QGB1004", ValueKind.Rate),
        ["reviews.coverage"] = ("QGB1101", ValueKind.Rate),
        ["reviews.passRate"] = ("QGB1102", ValueKind.Rate),
        ["reviews.firstPassRate"] = ("QGB1103", ValueKind.Rate),
        ["hotspots.new"] = ("QGB1201", ValueKind.Number),
        ["hotspots.growth"] = ("QGB1202", ValueKind.Rate),
        ["complexity.newCode"] = ("QGB1301", ValueKind.Number),
        ["analyzers.new"] = ("QGB1401", ValueKind.Number),
    };

    public static IEnumerable<KeyValuePair<string, string>> All => Map.Select(p => new KeyValuePair<string, string>(p.Key, p.Value.Code));

    public static string CodeOf(string id) => Map.TryGetValue(id, out var entry) ? entry.Code : Unknown;

    public static ValueKind KindOf(string id) => Map.TryGetValue(id, out var entry) ? entry.Kind : ValueKind.Number;
}
