using QualityGates.Core;
using QualityGates.Core.History;
using QualityGates.Core.Hotspots;
using QualityGates.Core.Scope;

namespace QualityGates.Cli;

/// <summary>Builds the engine with the real git, hotspot and scope implementations.</summary>
internal static class EngineFactory
{
    public static Engine Create() => new(new LibGit2History(), new HotspotCalculator(), new ScopeCriticalFiles());
}
