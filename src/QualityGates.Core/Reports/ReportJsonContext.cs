using System.Text.Json.Serialization;

namespace QualityGates.Core.Reports;

/// <summary>The drill-down of one file for the report's script (short keys: the block is embedded per row).</summary>
internal sealed record DrillDownFile(
    [property: JsonPropertyName("p")] string Path,
    [property: JsonPropertyName("f")] string Facts,
    [property: JsonPropertyName("n")] int MethodCount,
    [property: JsonPropertyName("m")] IReadOnlyList<IReadOnlyList<string>> Methods);

internal sealed record DrillDownData([property: JsonPropertyName("files")] IReadOnlyList<DrillDownFile> Files);

/// <summary>Source-generated JSON metadata: the report works in trimmed and AOT-published hosts too.</summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportModel))]
[JsonSerializable(typeof(TrendRecord))]
[JsonSerializable(typeof(DrillDownData))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}
