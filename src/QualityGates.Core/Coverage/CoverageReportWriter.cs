using System.Globalization;
using Palmmedia.ReportGenerator.Core;
using Palmmedia.ReportGenerator.Core.CodeAnalysis;

namespace QualityGates.Core.Coverage;

/// <summary>
/// Writes the merged Cobertura file and the coverage HTML with ReportGenerator (not rewritten here). Its branch merge
/// is its own: the gate's figures come from <see cref="CoverageReport"/>; docs/gate.md says where they may differ.
/// </summary>
public static class CoverageReportWriter
{
    /// <summary>Report types written: the merged Cobertura and one self-contained HTML page per class.</summary>
    public const string ReportTypes = "Cobertura;HtmlInline";

    /// <summary>The HTML's entry page, which the result JSON links to (coverage.htmlReport).</summary>
    public const string IndexFileName = "index.html";

    /// <summary>
    /// Generates into a fresh folder beside <paramref name="outputDirectory"/>, then moves the files into place as a set
    /// (<see cref="StagedFolder"/>): a reader never sees a half-written report, and a link inside the folder is refused.
    /// </summary>
    public static void Write(IReadOnlyList<string> coverageFiles, string outputDirectory, string repositoryRoot)
    {
        if (coverageFiles.Count == 0)
        {
            return;
        }

        string target = Path.GetFullPath(outputDirectory);
        string sources = RepositoryPaths.FullRoot(repositoryRoot);
        string? copies = null;
        try
        {
            // ReportGenerator reads the sources its reports name: it gets copies naming only what the gate counts.
            copies = Directory.CreateTempSubdirectory("qualitygate-cobertura-").FullName;
            var reports = new List<string>();
            foreach (string file in coverageFiles)
            {
                string copy = Path.Combine(copies, reports.Count.ToString(CultureInfo.InvariantCulture) + ".cobertura.xml");
                CoberturaSanitizer.Copy(file, copy, sources);
                reports.Add(copy);
            }

            using StagedFolder staged = StagedFolder.Create(target);
            var parameters = new Dictionary<string, string>
            {
                ["reports"] = string.Join(';', reports),
                ["targetdir"] = staged.StagingPath,
                ["reporttypes"] = ReportTypes,
                ["verbosity"] = "Warning",
            };

            // ReportGenerator refuses to run when a source directory is missing; the sources are optional for it.
            if (Directory.Exists(sources))
            {
                parameters["sourcedirs"] = sources;
            }

            var configuration = new ReportConfigurationBuilder().Create(parameters);
            bool ok = new Generator().GenerateReport(configuration, new Settings(), new MinimumCoverageThresholds(), new RiskHotspotsAnalysisThresholds());
            if (!ok)
            {
                throw new QualityGateException(QgbCodes.CoverageReportGeneratorFailed,
                    $"ReportGenerator could not write the coverage report to '{target}'. Run with the same files through 'reportgenerator' to see its log.");
            }

            staged.Commit();
        }
        catch (System.Xml.XmlException ex)
        {
            throw new QualityGateException(QgbCodes.CoverageFileTruncated, $"A coverage file changed while the report was written, and is no longer valid Cobertura: {ex.Message} Run the tests again.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QualityGateException(QgbCodes.OutputNotWritable, $"Cannot write the coverage report to '{target}': {ex.Message}");
        }
        finally
        {
            if (copies is not null)
            {
                try
                {
                    Directory.Delete(copies, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // A temporary folder left behind is harmless; the report is written.
                }
            }
        }
    }
}
