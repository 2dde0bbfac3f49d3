namespace QualityGates.Build;

/// <summary>
/// The QGB codes of the MSBuild integration: QGB1xxx for gate conditions (one per condition id, see
/// <see cref="ConditionCodes"/>), QGB9xxx for the integration itself. The engine's own input errors are QGB0xxx.
/// Documented in docs/msbuild.md; the numbers are public contract.
/// </summary>
internal static class BuildCodes
{
    public const string Subcategory = "QualityGate";

    /// <summary>The gate failed but no condition says why (a result with passed=false and no failed condition).</summary>
    public const string GateFailed = "QGB1000";

    public const string EngineNotFound = "QGB9001";
    public const string EngineInputError = "QGB9002";
    public const string EngineCrashed = "QGB9003";
    public const string ResultMissing = "QGB9004";
    public const string ResultInvalid = "QGB9005";
    public const string ResultSchemaUnsupported = "QGB9006";
    public const string StepSummaryNotWritten = "QGB9007";
    public const string SolutionUnreadable = "QGB9008";
    public const string UnexpectedFailure = "QGB9009";

    public const string NoCoverage = "QGB9101";
    public const string TestsFailed = "QGB9102";

    /// <summary>A note of the engine: what it could not judge and why (no git repository, shallow clone, no coverage file).</summary>
    public const string EngineNote = "QGB9103";

    /// <summary>Said by the targets: one test project's run wrote no coverage file while the others did.</summary>
    public const string NoCoverageInProject = "QGB9104";
}
