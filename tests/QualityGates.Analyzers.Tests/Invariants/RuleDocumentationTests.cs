using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Tests.Invariants
{
    /// <summary>Every descriptor has an analyzer, a release-tracking line and a docs page that matches it (Meziantou/StyleCop habit).</summary>
    public class RuleDocumentationTests
    {
        private static readonly string RepoRoot = FindRepoRoot();

        public static TheoryData<string> RuleIds()
        {
            var data = new TheoryData<string>();
            foreach (var d in DiagnosticDescriptors.All)
            {
                data.Add(d.Id);
            }

            return data;
        }

        [Fact]
        public void DescriptorIds_AreUniqueAndNamedByCategoryRange()
        {
            var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            foreach (var d in DiagnosticDescriptors.All)
            {
                var expected = d.Id[2] switch
                {
                    '0' => DiagnosticCategories.Configuration,
                    '1' => DiagnosticCategories.Pricing,
                    '2' => DiagnosticCategories.Underwriting,
                    '3' => DiagnosticCategories.DateTime,
                    '4' => DiagnosticCategories.Configuration,
                    _ => "unknown",
                };
                Assert.True(expected == d.Category, $"{d.Id} has category {d.Category}, expected {expected}");
                Assert.Matches("^QG[0-4][0-9]{3}$", d.Id);
            }
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Descriptor_HasDocsPageMatchingIt(string id)
        {
            var d = DiagnosticDescriptors.All.Single(x => x.Id == id);
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id + ".md", d.HelpLinkUri);

            var path = Path.Combine(RepoRoot, "docs", "rules", id + ".md");
            Assert.True(File.Exists(path), $"missing docs page {path}");
            var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            var lines = text.Split('\n');
            Assert.Equal($"# {id}: {d.Title}", lines[0]);

            var table = lines.SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
            Assert.True(table.Count >= 3, $"{id}: property table missing");
            var row = table[2].Split('|', StringSplitOptions.TrimEntries).Where(c => c.Length > 0).ToArray();
            Assert.Equal(id, row[0]);
            Assert.Equal(d.Category, row[1]);
            Assert.Equal(d.DefaultSeverity.ToString(), row[2]);
            Assert.Equal(d.IsEnabledByDefault ? "Yes" : "No", row[3]);

            foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## How to suppress", "## Configuration", "## Related rules" })
            {
                Assert.True(lines.Contains(section), $"{id}: section '{section}' missing");
            }
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Descriptor_IsTrackedAndImplemented(string id)
        {
            var d = DiagnosticDescriptors.All.Single(x => x.Id == id);
            var unshipped = File.ReadAllLines(Path.Combine(RepoRoot, "src", "QualityGates.Analyzers", "AnalyzerReleases.Unshipped.md"));
            var line = unshipped.SingleOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
            Assert.NotNull(line);
            var cells = line!.Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(d.Category, cells[1]);
            Assert.Equal(d.IsEnabledByDefault ? d.DefaultSeverity.ToString() : "Disabled", cells[2]);

            var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .Where(a => a.SupportedDiagnostics.Any(s => s.Id == id))
                .ToList();
            var analyzer = Assert.Single(analyzers);
            Assert.Equal(cells[3], analyzer.GetType().Name);
            Assert.NotNull(analyzer.GetType().GetCustomAttribute<DiagnosticAnalyzerAttribute>());
        }

        private static string FindRepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "QualityGates.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("QualityGates.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
