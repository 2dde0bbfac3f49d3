using System.Threading.Tasks;
using System.Linq;
using QualityGates.Analyzers.Semantics;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ConfigurationValidationAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG0001InvalidConfigurationTests
    {
        private const string Source = "class C { }";

        [Fact]
        public async Task ValidConfiguration_NoDiagnostic()
        {
            await Verify.VerifyAsync(Source, "qualitygates_rounding_mode = AwayFromZero\nqualitygates_allowed_literals = 2, 12, 365\nqualitygates_jurisdiction = eu\ndotnet_code_quality.QG1002.rounding_mode = ToEven");
        }

        [Fact]
        public async Task NoConfiguration_NoDiagnostic()
        {
            await Verify.VerifyAsync(Source);
        }

        [Fact]
        public async Task UnknownRoundingMode_ReportedOnFirstToken()
        {
            await Verify.VerifyAsync(
                Source,
                "qualitygates_rounding_mode = HalfUp",
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("qualitygates_rounding_mode", "HalfUp", "expected one of ToEven, AwayFromZero, ToZero, ToNegativeInfinity, ToPositiveInfinity"));
        }

        [Fact]
        public async Task SameBadValueInSeveralFiles_ReportedOnceInTheFirstFile_OtherSectionsOwnErrors()
        {
            // Errors are worked out and reported once per distinct configuration, in the first file (by path) it governs.
            var test = new Verify.Test();
            Verifiers.TestSetup.Configure(test.TestState, null);
            test.TestState.Sources.Add(("/0/Rating/Motor.cs", "class Motor { }"));
            test.TestState.Sources.Add(("/0/Rating/Home.cs", "class Home { }"));
            test.TestState.Sources.Add(("/0/Claims/Payout.cs", "class Payout { }"));
            test.TestState.Sources.Add(("/0/Claims/Reserve.cs", "class Reserve { }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[0/Rating/*.cs]\nqualitygates_rounding_mode = HalfUp\n\n[0/Claims/Reserve.cs]\nqualitygates_rounding_mode = Sideways\n"));
            const string Expected = "expected one of ToEven, AwayFromZero, ToZero, ToNegativeInfinity, ToPositiveInfinity";
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan("/0/Rating/Home.cs", 1, 1, 1, 6).WithArguments("qualitygates_rounding_mode", "HalfUp", Expected));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan("/0/Claims/Reserve.cs", 1, 1, 1, 6).WithArguments("qualitygates_rounding_mode", "Sideways", Expected));
            await test.RunAsync();
        }

        [Fact]
        public async Task MalformedNumberList_NamesTheItem()
        {
            await Verify.VerifyAsync(
                Source,
                "qualitygates_allowed_literals = 2, 1.5x",
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("qualitygates_allowed_literals", "2, 1.5x", "expected numbers separated by commas, with '.' as the decimal point ('1.5x' is not)"));
        }

        [Fact]
        public async Task EmptyValues_ReportedNotTakenAsNothing()
        {
            const string Problem = "a value is required; an empty value would switch the policy off silently, so the default stays in force (to turn a rule off, set dotnet_diagnostic.<rule id>.severity = none)";
            await Verify.VerifyAsync(
                Source,
                "qualitygates_clock_allowed_members =\nqualitygates_favourable_outcomes = ,\nqualitygates_pricing_scope =\nqualitygates_allowed_literals =",
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6).WithArguments("qualitygates_allowed_literals", string.Empty, Problem),
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6).WithArguments("qualitygates_clock_allowed_members", string.Empty, Problem),
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6).WithArguments("qualitygates_favourable_outcomes", ",", Problem),
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6).WithArguments("qualitygates_pricing_scope", string.Empty, Problem));
        }

        [Fact]
        public async Task UnknownKey_ReportedWithTheNearestKnownOne_OrAllOfThem()
        {
            var known = string.Join(", ", OptionNames.All.Select(n => "qualitygates_" + n));
            await Verify.VerifyAsync(
                Source,
                "qualitygates_roundng_mode = ToEven\nqualitygates_Money_Name = fee\nqualitygates_colour = blue",
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("qualitygates_colour", "blue", "unknown option; the known ones are " + known),
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("qualitygates_money_name", "fee", "unknown option; did you mean qualitygates_money_names?"),
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("qualitygates_roundng_mode", "ToEven", "unknown option; did you mean qualitygates_rounding_mode?"));
        }

        [Fact]
        public async Task PerRuleValueForSharedModel_ReportedNotIgnored()
        {
            await Verify.VerifyAsync(
                Source,
                "dotnet_code_quality.QG1001.money_names = fee",
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("dotnet_code_quality.qg1001.money_names", "fee", "applies to every rule at once (the shared scope, money and decision model); set qualitygates_money_names instead"));
        }

        [Fact]
        public async Task PerRuleKeyWithUnknownRuleOrName_Reported()
        {
            await Verify.VerifyAsync(
                Source,
                "dotnet_code_quality.QG9999.rounding_mode = ToEven\ndotnet_code_quality.QG1002.roundng_mode = ToEven",
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("dotnet_code_quality.qg9999.rounding_mode", "ToEven", "unknown rule QG9999; the rules are QG0001 and QG1001 to QG4004 (see docs/rules)"),
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("dotnet_code_quality.qg1002.roundng_mode", "ToEven", "unknown option; did you mean dotnet_code_quality.QG1002.rounding_mode?"));
        }

        [Fact]
        public async Task OtherAnalyzersPerRuleKeys_LeftAlone()
        {
            await Verify.VerifyAsync(Source, "dotnet_code_quality.CA1062.null_check_validation_methods = Validate\ndotnet_code_quality.api_surface = public");
        }

        [Fact]
        public async Task PerRuleOverrideWithBadValue_Reported()
        {
            await Verify.VerifyAsync(
                Source,
                "dotnet_code_quality.QG1002.rounding_mode = Up",
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("dotnet_code_quality.qg1002.rounding_mode", "Up", "expected one of ToEven, AwayFromZero, ToZero, ToNegativeInfinity, ToPositiveInfinity"));
        }

        [Fact]
        public async Task InvalidRegex_Reported()
        {
            await Verify.VerifyAsync(
                Source,
                "qualitygates_clock_allowed_members = (audit",
                Verify.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6).WithArguments("qualitygates_clock_allowed_members", "(audit", "not a valid regular expression: Invalid pattern '(audit' at offset 6. Not enough )'s."));
        }
    }
}
