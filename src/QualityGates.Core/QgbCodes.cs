namespace QualityGates.Core;

/// <summary>
/// Every message code of the gate engine and CLI (QGB + 4 digits), one range per area. docs/gate.md lists them all;
/// a test checks that each constant has a line there.
/// </summary>
public static class QgbCodes
{
    // 00xx: command line and engine.
    public const string UsageError = "QGB0001";
    public const string RepositoryNotFound = "QGB0002";
    public const string ComponentNotAvailable = "QGB0003";
    public const string OutputNotWritable = "QGB0004";
    public const string BaseRefNotFound = "QGB0005";
    public const string OutputOutsideRepository = "QGB0006";
    public const string RepositoryUnreadable = "QGB0007";
    public const string NotInRepository = "QGB0008";
    public const string UnexpectedError = "QGB0009";

    // 01xx: coverage input.
    public const string CoverageFileMissing = "QGB0101";
    public const string CoverageFileEmpty = "QGB0102";
    public const string CoverageFileTruncated = "QGB0103";
    public const string CoverageNotCobertura = "QGB0104";
    public const string CoverageDtdProhibited = "QGB0105";
    public const string CoverageExternalEntity = "QGB0106";
    public const string CoverageInvalidValue = "QGB0107";
    public const string CoveragePathOutsideRepository = "QGB0108";
    public const string CoverageNoData = "QGB0109";
    public const string CoverageReportGeneratorFailed = "QGB0110";
    public const string CoveragePathNotSource = "QGB0111";

    // 02xx: qualitygate.json.
    public const string ConfigUnknownKey = "QGB0201";
    public const string ConfigInvalidValue = "QGB0202";
    public const string ConfigInvalidJson = "QGB0203";
    public const string ConfigFileMissing = "QGB0204";

    // 03xx: qualitygate.baseline.json.
    public const string BaselineInvalid = "QGB0301";
    public const string BaselineMissing = "QGB0302";

    // 04xx: SARIF error log.
    public const string SarifMissing = "QGB0401";
    public const string SarifInvalidJson = "QGB0402";
    public const string SarifNotSarif = "QGB0403";
}
