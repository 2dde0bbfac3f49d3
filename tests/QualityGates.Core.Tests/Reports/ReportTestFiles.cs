using QualityGates.Core.Reports;

namespace QualityGates.Core.Tests.Reports;

/// <summary>The example result and history under TestAssets/Report, and a temp folder deleted afterwards.</summary>
internal sealed class ReportTestFiles : IDisposable
{
    public static string AssetDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestAssets", "Report");

    public static string ResultPath { get; } = Path.Combine(AssetDirectory, "result.json");

    public static string HistoryPath { get; } = Path.Combine(AssetDirectory, "history.jsonl");

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("qg-report-").FullName;

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public string Write(string name, string contents)
    {
        var path = PathOf(name);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>The example view as ReportCommand builds it, with the coverage link resolved beside the result.</summary>
    public static ReportView ExampleView()
    {
        var model = ReportModelReader.Load(ResultPath);
        var link = ReportCommand.CoverageLink(model.Coverage?.HtmlReport, AssetDirectory, AssetDirectory);
        return new ReportView(model, TrendHistory.Read(HistoryPath), link);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A browser child may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}
