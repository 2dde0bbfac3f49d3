using QualityGates.Core.Coverage;
using QualityGates.Core.Sources;
using DomainScope = QualityGates.Analyzers.Semantics.Scope;

namespace QualityGates.Core.Scope;

/// <summary>Critical files for <c>coverage.critical</c>: the C# files that hold pricing or underwriting code.</summary>
public sealed class ScopeCriticalFiles : ICriticalFiles
{
    public IReadOnlySet<string> Critical(string repositoryRoot, IReadOnlyCollection<string> paths, SourceFacts? sources = null)
    {
        var resolver = sources ?? SourceFacts.Open(repositoryRoot, cacheDirectory: null);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && resolver.Scope(path) != DomainScope.None)
            {
                result.Add(path);
            }
        }

        return result;
    }
}
