using QualityGates.Core;

namespace QualityGates.Cli;

/// <summary>Builds the engine with the real git and hotspot implementations.</summary>
internal static class EngineFactory
{
    // TODO(merge): return new Engine(new LibGit2History(), new HotspotCalculator(), <Scope/ critical files>) once
    // History/, Hotspots/ and Scope/ land; until then every command that needs the engine says so with QGB0003.
    public static Engine Create() =>
        throw new QualityGateException(QgbCodes.ComponentNotAvailable,
            "The git history and hotspot components are not available in this build yet (LibGit2History, HotspotCalculator). Build from a branch where they are merged.");
}
