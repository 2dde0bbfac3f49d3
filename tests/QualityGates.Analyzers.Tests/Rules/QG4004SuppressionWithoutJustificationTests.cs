using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using QualityGates.Analyzers.Rules;
using QualityGates.Analyzers.Tests.Verifiers;
using QualityGates.CodeFixes.Rules;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG4004SuppressionWithoutJustificationTests
    {
        // Opt-in rule: the tests turn it on the way a team would.
        private const string Enabled = "dotnet_diagnostic.QG4004.severity = warning";

        // The harness re-runs every test with "#pragma warning disable QG4004" added to each file and expects silence;
        // that pragma has no justification, so this rule reports it by design: skip that extra pass.
        private static async Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerVerifier<SuppressionWithoutJustificationAnalyzer>.Test { TestCode = source, TestBehaviors = TestBehaviors.SkipSuppressionCheck };
            TestSetup.Configure(test.TestState, Enabled);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        private static async Task VerifyFixAsync(string source, string fixedSource)
        {
            var test = new CSharpCodeFixVerifier<SuppressionWithoutJustificationAnalyzer, SuppressionWithoutJustificationCodeFixProvider>.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                TestBehaviors = TestBehaviors.SkipSuppressionCheck,
            };
            TestSetup.Configure(test.TestState, Enabled);
            TestSetup.Configure(test.FixedState, Enabled);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task PragmaWithoutComment_ReportedWithCodes()
        {
            const string source = """
                public class Calculator
                {
                #pragma warning disable QG1002, QG3001
                    public void M() { }
                #pragma warning restore QG1002, QG3001
                }
                """;

            await VerifyAnalyzerAsync(
                source, CSharpAnalyzerVerifier<SuppressionWithoutJustificationAnalyzer>.Diagnostic("QG4004").WithSpan(3, 25, 3, 39).WithArguments("QG1002, QG3001"));
        }

        [Fact]
        public async Task PragmaWithoutComment_FixAddsTodoComment()
        {
            const string source = """
                public class Calculator
                {
                #pragma warning disable {|QG4004:QG1002|}
                    public void M() { }
                #pragma warning restore QG1002

                #pragma warning disable {|QG4004:PUW1001|}
                    public void N() { }
                #pragma warning restore PUW1001
                }
                """;
            const string fixedSource = """
                public class Calculator
                {
                #pragma warning disable QG1002 // TODO: justification
                    public void M() { }
                #pragma warning restore QG1002

                #pragma warning disable PUW1001 // TODO: justification
                    public void N() { }
                #pragma warning restore PUW1001
                }
                """;

            await VerifyFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task SuppressMessageWithoutJustification_FixAddsPlaceholder()
        {
            const string source = """
                using System.Diagnostics.CodeAnalysis;

                [assembly: {|QG4004:SuppressMessage("DateTime", "QG3003", Scope = "member", Target = "~M:Calculator.M")|}]

                public class Calculator
                {
                    [{|QG4004:SuppressMessage("Pricing", "QG1002:Rounding without an explicit or policy midpoint mode")|}]
                    public void M() { }

                    [{|QG4004:UnconditionalSuppressMessage("Configuration", "PUW4002")|}]
                    public void N() { }
                }
                """;
            const string fixedSource = """
                using System.Diagnostics.CodeAnalysis;

                [assembly: SuppressMessage("DateTime", "QG3003", Scope = "member", Target = "~M:Calculator.M", Justification = "TODO")]

                public class Calculator
                {
                    [SuppressMessage("Pricing", "QG1002:Rounding without an explicit or policy midpoint mode", Justification = "TODO")]
                    public void M() { }

                    [UnconditionalSuppressMessage("Configuration", "PUW4002", Justification = "TODO")]
                    public void N() { }
                }
                """;

            await VerifyFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task EmptyJustification_ReportedWithoutFix()
        {
            const string source = """
                using System.Diagnostics.CodeAnalysis;

                public class Calculator
                {
                    [{|QG4004:SuppressMessage("Pricing", "QG1002", Justification = " ")|}]
                    public void M() { }
                }
                """;

            await VerifyFixAsync(source, source);
        }

        [Fact]
        public async Task JustifiedOrOtherRules_NotReported()
        {
            const string source = """
                using System.Diagnostics.CodeAnalysis;

                public class Calculator
                {
                #pragma warning disable QG1002 // Statistics module: banker's rounding is intended
                #pragma warning disable CA1305, IDE0060
                #pragma warning disable QG3001 // audit stamp only
                    [SuppressMessage("Pricing", "QG1002", Justification = "Filed rounding rule 4.2")]
                    [SuppressMessage("Design", "CA1062")]
                    public void M(int unused) { }
                #pragma warning restore QG3001
                #pragma warning restore CA1305, IDE0060
                #pragma warning restore QG1002
                }
                """;

            await VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task BarePragmaDisable_Reported()
        {
            const string source = """
                public class Calculator
                {
                {|QG4004:#pragma warning disable|}
                    public void M() { }
                #pragma warning restore
                }
                """;

            await VerifyAnalyzerAsync(source);
        }

        [Fact]
        public void Descriptor_IsOptIn()
        {
            // The test harness reports disabled-by-default rules anyway, so the opt-in is asserted on the descriptor.
            Assert.False(DiagnosticDescriptors.SuppressionWithoutJustification.IsEnabledByDefault);
        }
    }
}
