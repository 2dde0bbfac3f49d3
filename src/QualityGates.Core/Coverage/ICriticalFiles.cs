namespace QualityGates.Core.Coverage;

/// <summary>
/// Says which source files hold pricing or underwriting code (the analyzers' scope rules and .editorconfig settings).
/// Implemented in Scope/; the gate only needs the answer.
/// </summary>
public interface ICriticalFiles
{
    /// <summary>
    /// The subset of <paramref name="paths"/> (repo-relative, "/" separators) that is critical. <paramref name="sources"/>:
    /// the run's parsed source files (cached by content); null: every file is parsed.
    /// </summary>
    IReadOnlySet<string> Critical(string repositoryRoot, IReadOnlyCollection<string> paths, Sources.SourceFacts? sources = null);
}
