using QualityGates.Core.Coverage;
using DomainScope = QualityGates.Analyzers.Semantics.Scope;

namespace QualityGates.Core.Scope;

/// <summary>Critical files for <c>coverage.critical</c>: the C# files that hold pricing or underwriting code.</summary>
public sealed class ScopeCriticalFiles : ICriticalFiles
{
    public IReadOnlySet<string> Critical(string repositoryRoot, IReadOnlyCollection<string> paths)
    {
        var resolver = new DomainScopeResolver(repositoryRoot);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && resolver.GetScope(path) != DomainScope.None)
            {
                result.Add(path);
            }
        }

        return result;
    }
}
