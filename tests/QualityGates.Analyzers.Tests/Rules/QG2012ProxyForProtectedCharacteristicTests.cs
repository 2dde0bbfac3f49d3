using System.Threading.Tasks;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ProxyForProtectedCharacteristicAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2012ProxyForProtectedCharacteristicTests
    {
        private const string Enable = "dotnet_diagnostic.QG2012.severity = warning";

        private const string Types = """
            public enum Decision { Approve, Refer, Decline }
            public class Applicant
            {
                public string ZipCode { get; set; } = "";
                public string FirstName { get; set; } = "";
                public string Nationality { get; set; } = "";
                public decimal Income { get; set; }
                public string MaritalStatus { get; set; } = "";
                public int Claims { get; set; }
            }

            """;

        [Fact]
        public async Task ZipCodeInPremium_ReportedWithArguments()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium) =>
                        applicant.ZipCode.StartsWith("9", System.StringComparison.Ordinal) ? basePremium * 1.2m : basePremium;
                }
                """,
                Enable,
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithSpan(14, 9, 14, 26).WithArguments("ZipCode", "the price"));
        }

        [Fact]
        public async Task TableNamedForTheProxyLookedUpByIt_ReportedOnceAtTheKey()
        {
            // The table keyed by postcode and the postcode are one use of it: reported at the key, by indexer, instance
            // call and extension call alike. A table looked up by something else is its own source.
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    private readonly System.Collections.Generic.Dictionary<string, decimal> _factorByZip = new();
                    private readonly System.Collections.Generic.IReadOnlyDictionary<string, Decision> _appetiteByZip = new System.Collections.Generic.Dictionary<string, Decision>();

                    public decimal Premium(Applicant applicant, decimal basePremium, string zipCode, int band)
                    {
                        var indexed = basePremium * _factorByZip[{|#0:applicant.ZipCode|}];
                        _factorByZip.TryGetValue({|#1:zipCode|}, out var found);
                        var byBand = {|#2:_factorByZip|}[band.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                        return indexed * found * byBand;
                    }

                    public Decision Appetite(string zipCode) => System.Collections.Generic.CollectionExtensions.GetValueOrDefault(_appetiteByZip, {|#3:zipCode|}, Decision.Refer);
                }
                """,
                Enable,
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(0).WithArguments("ZipCode", "the price"),
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(1).WithArguments("zipCode", "the price"),
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(2).WithArguments("_factorByZip", "the price"),
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(3).WithArguments("zipCode", "the underwriting decision"));
        }

        [Fact]
        public async Task StaticReadonlyPatternIsNoSource_AStaticTableKeyedByTheProxyIs()
        {
            // A compiled postcode pattern is fixed by the code; the postcode it matches is the source, reported once.
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    private static readonly System.Text.RegularExpressions.Regex PostcodeArea = new("^[A-Z]{1,2}");
                    private static readonly System.Collections.Generic.Dictionary<string, decimal> FactorByPostcode = new();

                    public decimal Premium(string postcode, decimal basePremium, string region)
                    {
                        var area = PostcodeArea.Match({|#0:postcode|}).Value;
                        return basePremium * (area.Length > 1 ? 1.1m : 1m) * {|#1:FactorByPostcode|}[region];
                    }
                }
                """,
                Enable,
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(0).WithArguments("postcode", "the price"),
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(1).WithArguments("FactorByPostcode", "the price"));
        }

        [Fact]
        public async Task FirstNameGuardsDecision_Reported()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Applicant applicant)
                    {
                        var name = {|QG2012:applicant.FirstName|};
                        if (name.Length < 3) return Decision.Refer;
                        return applicant.Claims > 2 ? Decision.Decline : Decision.Approve;
                    }
                }
                """, Enable);
        }

        [Fact]
        public async Task NcoilInputsInInsuranceScore_Reported()
        {
            await Verify.VerifyAsync(Types + """
                public class InsuranceScoreModel
                {
                    public int Compute(Applicant applicant, int paymentHistory)
                    {
                        var score = 500 + paymentHistory;
                        if ({|QG2012:applicant.MaritalStatus|} == "M") score += 20;
                        score += (int)({|QG2012:applicant.Income|} / 10000m);
                        return score;
                    }
                }
                """, Enable);
        }

        [Fact]
        public async Task GenderInAScoringModelsLoading_LeftToQG2007()
        {
            // The read reaches a rating factor: QG2007's finding, not a second one here.
            await Verify.VerifyAsync("""
                public enum Gender { Unspecified, Female, Male }
                public sealed record Applicant(Gender Gender, decimal Income);

                public sealed class RiskScoringModel
                {
                    public double ComputeRiskLoading(Applicant applicant, double p)
                    {
                        var loading = 1d + p;
                        if (applicant.Gender == Gender.Male) loading *= 1.08;
                        return loading;
                    }

                    public double InsuranceScore(Applicant applicant) => {|#0:applicant.Gender|} == Gender.Male ? 600 : 650;
                }
                """,
                Enable,
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(0).WithArguments("Gender", "the insurance score"));
        }

        [Fact]
        public async Task ScorecardLambdas_Reported()
        {
            // A points scorecard is a score computation: its rows are the lambdas of the field that holds it.
            await Verify.VerifyAsync(Types + """
                public class RiskTierModel
                {
                    private readonly System.Collections.Generic.List<System.Func<Applicant, int>> _scorecard = new()
                    {
                        a => a.Claims > 2 ? -10 : 5,
                        a => {|QG2012:a.MaritalStatus|} == "M" ? 5 : 0,
                        a => {|QG2012:a.ZipCode|}.StartsWith("9", System.StringComparison.Ordinal) ? -5 : 0,
                    };

                    public int Score(Applicant applicant) => System.Linq.Enumerable.Sum(_scorecard, rule => rule(applicant));
                }
                """, Enable);
        }

        [Fact]
        public async Task BusinessIncomeCoverIsNoIncome_AnAddressChainIsOneRead()
        {
            // Business income is a commercial coverage (the insured's revenue, its sum insured), not the applicant's
            // income; a postal code read through a null-conditional address is one read of the address, reported once.
            await Verify.VerifyAsync("""
                public sealed class Amt { public decimal Amount { get; init; } }
                public sealed class Addr { public string? PostalCode { get; init; } }
                public sealed class Site
                {
                    public Amt? BusinessIncomeValue { get; init; }
                    public decimal HouseholdIncome { get; init; }
                    public Addr? MailingAddress { get; init; }
                    public Addr Location { get; init; } = new Addr();
                }

                public class SiteScoring
                {
                    public decimal ScoreValue(Site s) => s.BusinessIncomeValue?.Amount ?? 0m;
                    public decimal ScoreIncome(Site s) => {|#0:s.HouseholdIncome|} / 1000m;
                    public int ScorePostal(Site s) => {|#1:s.MailingAddress?.PostalCode|} == "90210" ? 10 : 0;
                    public int ScoreLocation(Site s) => {|#2:s.Location.PostalCode|} == "90210" ? 10 : 0;
                    public int ScoreArea(Site s) => {|#3:Geo.PostcodeArea(s.Location.PostalCode ?? "")|} == "SW" ? 5 : 0;
                }

                public static class Geo
                {
                    public static string PostcodeArea(string postcode) => postcode.Substring(0, 2);
                }
                """,
                Enable,
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(0).WithArguments("HouseholdIncome", "the insurance score"),
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(1).WithArguments("PostalCode", "the insurance score"),
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(2).WithArguments("PostalCode", "the insurance score"),
                Verify.Diagnostic(DiagnosticIds.ProxyForProtectedCharacteristic).WithLocation(3).WithArguments("PostcodeArea", "the insurance score"));
        }

        [Fact]
        public async Task ProtectedNamesLeftToQG2007AndIncomeOutsideScore_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        var loading = applicant.Nationality == "X" ? 1.2m : 1m;
                        var affordability = applicant.Income > 0 ? basePremium / applicant.Income : 0m;
                        System.Console.WriteLine(affordability);
                        return basePremium * loading;
                    }
                }
                """, Enable);
        }

        [Fact]
        public async Task CustomJurisdictionMakesNationalityAProxy_Reported()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        var loading = {|QG2012:applicant.Nationality|} == "X" ? 1.2m : 1m;
                        return basePremium * loading;
                    }
                }
                """, Enable + "\nqualitygates_jurisdiction = custom");
        }

        [Fact]
        public void Descriptor_OptInInfo()
        {
            Assert.False(DiagnosticDescriptors.ProxyForProtectedCharacteristic.IsEnabledByDefault);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, DiagnosticDescriptors.ProxyForProtectedCharacteristic.DefaultSeverity);
        }

        [Fact]
        public async Task SeverityNone_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium) =>
                        applicant.ZipCode == "90210" ? basePremium * 1.2m : basePremium;
                }
                """, "dotnet_diagnostic.QG2012.severity = none");
        }

        [Fact]
        public async Task OutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class MailingService
                {
                    public decimal Postage(Applicant applicant, decimal amount) =>
                        applicant.ZipCode == "90210" ? amount * 1.2m : amount;
                }
                """, Enable);
        }
    }
}
