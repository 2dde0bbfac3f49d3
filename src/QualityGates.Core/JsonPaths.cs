using System.Globalization;
using System.Text.Json;

namespace QualityGates.Core;

/// <summary>
/// JSON paths and range messages shared by the strict readers (qualitygate.json, the baseline, the report's result
/// JSON), so that every bad value is named and explained the same way.
/// </summary>
public static class JsonPaths
{
    /// <summary>A formatted number longer than this is shown in exponent form: 1e308 must not print as 309 digits.</summary>
    private const double PlainFormatLimit = 1e15;

    /// <summary>The path of <paramref name="key"/> under <paramref name="path"/>: <c>$.a.b</c>, or <c>$.a['src/x.cs']</c> for a key that is not a plain name.</summary>
    public static string Child(string path, string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$') ? path + "." + key : path + "['" + Shorten(key).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "...");

    public static string Format(double value) =>
        value.ToString(Math.Abs(value) < PlainFormatLimit ? "0.####" : "0.###E+0", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="value"/> is a number within <paramref name="min"/>..<paramref name="max"/> (NaN is not).</summary>
    public static bool InRange(double value, double min, double max) => value >= min && value <= max;

    /// <summary>"2.5 is out of range 0..1." and, for a rate, how to write one; "at least 0" for a whole number with no maximum of its own.</summary>
    public static string OutOfRange(double value, double min, double max) =>
        max == int.MaxValue
            ? string.Format(CultureInfo.InvariantCulture, "{0} is out of range: at least {1}.", Format(value), Format(min))
            : string.Format(CultureInfo.InvariantCulture, "{0} is out of range {1}..{2}.{3}", Format(value), Format(min), Format(max),
                min == 0 && max == 1 ? " Rates are fractions: write 0.8 for 80 %." : string.Empty);

    /// <summary>
    /// The path of the first key given twice in one object anywhere in <paramref name="element"/>, null when none. JSON
    /// readers keep the last one silently, so a merge that kept both lines would change a value unseen.
    /// </summary>
    public static string? FirstDuplicateKey(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    string keyPath = Child(path, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        return keyPath;
                    }

                    if (FirstDuplicateKey(property.Value, keyPath) is string inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (FirstDuplicateKey(item, Index(path, index++)) is string inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
