using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.CurrencyUnawareArithmeticAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1010CurrencyUnawareArithmeticTests
    {
        private const string Enable = "dotnet_diagnostic.QG1010.severity = suggestion";

        private const string Types = """

            public enum CurrencyCode { EUR, USD }

            public class Premium
            {
                public decimal Amount { get; set; }
                public CurrencyCode Currency { get; set; }
            }

            public class Fee
            {
                public decimal Amount;
                public string CurrencyIso = "EUR";
            }

            public class Tax
            {
                public decimal Amount { get; set; }
            }
            """;

        [Fact]
        public async Task AddingAmountsOfTwoPremiums_ReportedWithArguments()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Total(Premium a, Premium b) => {|#0:a.Amount + b.Amount|};
                }
                """;

            await Verify.VerifyAsync(source + Types, Enable, Verify.Diagnostic(DiagnosticIds.CurrencyUnawareArithmetic).WithLocation(0).WithArguments("a.Amount + b.Amount", "Premium"));
        }

        [Fact]
        public async Task SubtractionAndComparisonWithStringCurrency_Reported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public bool Check(Fee x, Fee y) => {|QG1010:x.Amount - y.Amount|} > 0 && {|QG1010:x.Amount > y.Amount|};
                }
                """;

            await Verify.VerifyAsync(source + Types, Enable);
        }

        [Fact]
        public async Task AmountsReadThroughNullConditionalsWithDefaults_Reported()
        {
            // A total insured value over optional covers: the same currency question as a.Amount + b.Amount.
            const string source = """
                public class Location { public Premium? Building { get; set; } public Premium? Contents { get; set; } }

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Tiv(Location l) => {|#0:(l.Building?.Amount ?? 0m) + (l.Contents?.Amount ?? 0m)|};
                    public decimal? Difference(Location l) => {|#1:l.Building?.Amount - l.Contents?.Amount|};
                    public decimal Same(Location l) => (l.Building?.Amount ?? 0m) - (l.Building?.Amount ?? 0m);
                }
                """;

            await Verify.VerifyAsync(
                source + Types,
                Enable,
                Verify.Diagnostic(DiagnosticIds.CurrencyUnawareArithmetic).WithLocation(0).WithArguments("(l.Building?.Amount ?? 0m) + (l.Contents?.Amount ?? 0m)", "Premium"),
                Verify.Diagnostic(DiagnosticIds.CurrencyUnawareArithmetic).WithLocation(1).WithArguments("l.Building?.Amount - l.Contents?.Amount", "Premium"));
        }

        [Fact]
        public async Task CurrencyCheckedFirst_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal A(Premium a, Premium b)
                    {
                        if (a.Currency != b.Currency) throw new InvalidOperationException("Currency mismatch");
                        return a.Amount + b.Amount;
                    }

                    public decimal B(Fee x, Fee y) => string.Equals(x.CurrencyIso, y.CurrencyIso, StringComparison.Ordinal) ? x.Amount + y.Amount : throw new InvalidOperationException();

                    public decimal C(Premium a, Premium b)
                    {
                        EnsureSameCurrency(a, b);
                        return a.Amount - b.Amount;
                    }

                    private static void EnsureSameCurrency(Premium a, Premium b) { }
                }
                """;

            await Verify.VerifyAsync(source + Types, Enable);
        }

        [Fact]
        public async Task MembersOfThisInstance_NotReported()
        {
            // The sample's PremiumBreakdown: NetPremium + PolicyFee of one record share its Currency.
            const string source = """
                public enum CurrencyCode { EUR, USD }

                [QualityGates.PremiumCalculation]
                public record Breakdown(CurrencyCode Currency, decimal NetPremium, decimal PolicyFee, decimal PremiumTax)
                {
                    public decimal Total => NetPremium + PolicyFee + PremiumTax;
                    public decimal Explicit => this.NetPremium - this.PolicyFee;
                    public decimal Other(Breakdown other) => {|QG1010:NetPremium + other.NetPremium|};
                }
                """;

            await Verify.VerifyAsync(source, Enable);
        }

        [Fact]
        public async Task SingleCurrencyTypeOrSameInstance_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal A(Tax a, Tax b) => a.Amount + b.Amount;
                    public decimal B(Premium a) => a.Amount + a.Amount;
                    public decimal C(Premium a, Fee f) => a.Amount + f.Amount;
                }
                """;

            await Verify.VerifyAsync(source + Types, Enable);
        }

        [Fact]
        public void Descriptor_IsOptIn()
        {
            // The test harness enables every supported diagnostic, so the opt-in default is asserted on the descriptor.
            Assert.False(DiagnosticDescriptors.CurrencyUnawareArithmetic.IsEnabledByDefault);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, DiagnosticDescriptors.CurrencyUnawareArithmetic.DefaultSeverity);
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string outOfScope = """
                public class Ledger
                {
                    public decimal Total(Fee a, Fee b) => a.Amount + b.Amount;
                }
                """;

            await Verify.VerifyAsync(outOfScope + Types, Enable);
        }

        [Fact]
        public async Task OperandThroughAGuardHandedBothValues_NotReported()
        {
            // A Money type's operators: Same(a, b) compares the currencies before either amount is read, and returns b.
            const string source = """
                public readonly record struct Money(decimal Amount, string Currency)
                {
                    public static Money operator +(Money a, Money b) => new(a.Amount + Same(a, b).Amount, a.Currency);
                    public Money Max(Money other) => Same(this, other).Amount > Amount ? other : this;
                    public static decimal Unchecked(Money a, Money b) => {|#0:a.Amount + Other(b).Amount|};
                    private static Money Same(Money a, Money b) =>
                        a.Currency == b.Currency ? b : throw new System.InvalidOperationException("Currency mismatch");
                    private static Money Other(Money b) => b;
                }
                """;

            await Verify.VerifyAsync(source, Enable, Verify.Diagnostic(DiagnosticIds.CurrencyUnawareArithmetic).WithLocation(0).WithArguments("a.Amount + Other(b).Amount", "Money"));
        }
    }
}
