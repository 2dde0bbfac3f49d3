using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    QualityGates.Analyzers.Rules.MonetaryValueUsesFloatingPointAnalyzer,
    QualityGates.CodeFixes.Rules.MonetaryValueUsesFloatingPointCodeFixProvider>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1001MonetaryValueUsesFloatingPointTests
    {
        [Fact]
        public async Task PublicDoubleProperty_ReportedWithNameAndType()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public double {|#0:AnnualPremium|} { get; set; }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("AnnualPremium", "double"));
        }

        [Fact]
        public async Task PublicApi_ReportedButNotFixed()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public float {|QG1001:Fee|};

                    public double {|QG1001:QuotePremium|}(double {|QG1001:basePremium|}, double loadingFactor) => basePremium * loadingFactor;
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task NullableDoubleField_Reported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double? {|#0:MinimumPremium|};
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("MinimumPremium", "double?"));
        }

        [Fact]
        public async Task Local_FixedToDecimalWithMLiterals()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public decimal Calculate(decimal baseRate)
                    {
                        double {|QG1001:policyFee|} = 12.5 + 0.25d;
                        var {|QG1001:stampTax|} = 3.75;
                        return baseRate + (decimal)policyFee + (decimal)stampTax;
                    }
                }
                """;
            const string fixedSource = """
                public class PremiumCalculator
                {
                    public decimal Calculate(decimal baseRate)
                    {
                        decimal policyFee = 12.5m + 0.25m;
                        var stampTax = 3.75m;
                        return baseRate + (decimal)policyFee + (decimal)stampTax;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task PrivateFieldAndProperty_FixedToDecimal()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private float {|QG1001:_policyFee|} = 25.5f;
                    private double? {|QG1001:Levy|} { get; } = 1.2;

                    public decimal Total() => (decimal)_policyFee + (decimal)(Levy ?? 0);
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private decimal _policyFee = 25.5m;
                    private decimal? Levy { get; } = 1.2m;

                    public decimal Total() => (decimal)_policyFee + (decimal)(Levy ?? 0);
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task LiteralPassedToAMethod_LeftAsDouble()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private static int Band(double score) => score > 0.5 ? 2 : 1;

                    public decimal Total(decimal fee)
                    {
                        double {|QG1001:amount|} = Band(0.75) + 1.5;
                        return fee + (decimal)amount;
                    }
                }
                """;
            const string fixedSource = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    private static int Band(double score) => score > 0.5 ? 2 : 1;

                    public decimal Total(decimal fee)
                    {
                        decimal amount = Band(0.75) + 1.5m;
                        return fee + (decimal)amount;
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task DecimalMoneyConvertedToDouble_Reported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium { get; set; }

                    public object Export() => {|#0:(double)Premium|};
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("Premium", "double"));
        }

        [Fact]
        public async Task MoneyConvertedForStatistics_NotReported_ElsewhereStill()
        {
            // A mean and deviation of reserves for the actuarial memorandum are estimates in double by design.
            const string source = """
                using System;
                using System.Linq;

                public record ReserveLine(decimal MeanReserve);

                [QualityGates.PremiumCalculation]
                public class ReservePremiumReport
                {
                    public static (double Mean, double StdDev) Statistics(ReserveLine[] lines)
                    {
                        var values = lines.Select(l => (double)l.MeanReserve).ToArray();
                        var mean = values.Average();
                        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1)));
                    }

                    public static double PremiumPercentile90(decimal[] premiums) => premiums.Select(p => (double)p).OrderBy(p => p).ElementAt(premiums.Length * 9 / 10);

                    public static object Export(ReserveLine line) => {|#0:(double)line.MeanReserve|};
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("line.MeanReserve", "double"));
        }

        [Fact]
        public async Task ConversionsThatStoreNoAmount_NotReported_AmountsStill()
        {
            // A model feature's logarithm, a mean, a ratio of two amounts, a value landing in a ratio: none of them is an amount in double.
            const string source = """
                using System;
                using System.Linq;

                public record Claim(decimal Payable);

                [QualityGates.PremiumCalculation]
                public class PricingModel
                {
                    public double Feature(decimal sumInsured) => Math.Log10((double)Math.Max(1m, sumInsured));

                    public static double AverageClaimCost(Claim[] claims) => claims.Average(c => (double)c.Payable);

                    public double LossRatio(decimal incurredCost, decimal earned) => earned == 0m ? 0.0 : (double)(incurredCost / earned);

                    public void Ratios(decimal premium, decimal quotedPremium, out double conversionRatio) =>
                        conversionRatio = quotedPremium == 0m ? 0.0 : (double)premium / (double)quotedPremium;

                    public double PremiumToQuotedRatio(decimal premium, decimal quoted) => (double)premium / (double)quoted;

                    public double ClaimsRatio(decimal incurred, decimal earned)
                    {
                        double lossRatio = (double)incurred / Convert.ToDouble(earned);
                        return lossRatio;
                    }

                    public object Exports(decimal premium, decimal loadingFactor, int vehicles, decimal exposureYears, decimal policyCount) => new object[]
                    {
                        {|#0:(double)premium|} * (double)loadingFactor,
                        {|#1:(double)(premium / vehicles)|},
                        {|#2:(double)(premium / exposureYears)|},
                        {|#3:(double)(premium / 12m)|},
                        {|#4:(double)premium|} / (double)policyCount,
                    };
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("premium", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("premium / vehicles", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(2).WithArguments("premium / exposureYears", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(3).WithArguments("premium / 12m", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(4).WithArguments("premium", "double"));
        }

        [Fact]
        public async Task ConversionSpelledAsACall_ReportedLikeTheCast()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class LevyRater
                {
                    public bool OverCap(decimal levyAmount, double cap) => {|#0:Convert.ToDouble(levyAmount)|} > cap;

                    public float Display(decimal premium) => {|#1:decimal.ToSingle(premium)|};

                    public double Feature(decimal sumInsured) => Math.Log10(Convert.ToDouble(sumInsured));

                    public double Ratio(decimal premium, decimal quotedPremium) => Convert.ToDouble(premium) / Convert.ToDouble(quotedPremium);

                    public double Count(decimal vehicles, string text) => Convert.ToDouble(vehicles) + Convert.ToDouble(text, System.Globalization.CultureInfo.InvariantCulture);
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("levyAmount", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("premium", "float"));
        }

        [Fact]
        public async Task AmountsPerUnit_DutiesAndContributions_AreMoney_UnitsPerUnitAreNot()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class TravelRater
                {
                    public double {|#0:PremiumPerDay|} { get; set; }
                    public double {|#1:CostPerClaim|} { get; set; }
                    public double {|#2:StampDuty|} { get; set; }
                    public double {|#3:WakalahContribution|} { get; set; }
                    public double {|#4:OutstandingBalance|} { get; set; }
                    public double DaysPerYear { get; set; }
                    public double ClaimsPerPolicy { get; set; }
                    public double PremiumDay { get; set; }
                    public double RatePerMille { get; set; }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("PremiumPerDay", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("CostPerClaim", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(2).WithArguments("StampDuty", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(3).WithArguments("WakalahContribution", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(4).WithArguments("OutstandingBalance", "double"));
        }

        [Fact]
        public async Task ConversionIntoAnAcceptedDoubleMember_NotReported_IntoAnyOtherStill()
        {
            // The cube's contract is double; the member is judged once, where it is declared.
            const string source = """
                using System.Diagnostics.CodeAnalysis;
                using System.Text.Json.Serialization;

                public class CubeRow
                {
                    [JsonPropertyName("earned_premium")] public double EarnedPremium { get; set; }

                    [SuppressMessage("Design", "QG1001:Monetary value uses floating point", Justification = "BI cube schema")]
                    public double WrittenPremium { get; set; }

                    public double {|#0:CededPremium|} { get; set; }
                }

                [QualityGates.PremiumCalculation]
                public class PortfolioMiReport
                {
                    public CubeRow Row(decimal earnedPremium, decimal writtenPremium, decimal cededPremium) => new CubeRow
                    {
                        EarnedPremium = (double)earnedPremium,
                        WrittenPremium = (double)writtenPremium,
                        CededPremium = {|#1:(double)cededPremium|},
                    };
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("CededPremium", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("cededPremium", "double"));
        }

        [Fact]
        public async Task RebatesAndWhatIsPayable_AreMoney_PayableDaysIsNot()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Settlement
                {
                    public double {|#0:NetPayable|} { get; set; }
                    public double {|#1:MlrRebate|} { get; set; }
                    public double PayableDays { get; set; }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("NetPayable", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("MlrRebate", "double"));
        }

        [Fact]
        public async Task ConstructorParameters_Reported_RecordPositionalParametersOnceAsProperties()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class BasicRiskPremiumStrategy
                {
                    public BasicRiskPremiumStrategy(double riskRate, double {|#0:sumAssured|}) { }
                }

                [QualityGates.PremiumCalculation]
                public record PremiumQuote(double {|#1:Premium|}, double LoadingFactor);

                [QualityGates.PremiumCalculation]
                public class PrimaryRater(double {|#2:basePremium|})
                {
                    public double Rate(double factor) => factor;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("sumAssured", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("Premium", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(2).WithArguments("basePremium", "double"));
        }

        [Fact]
        public async Task LifeAndHealthMoneyTerms_Reported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class LifeQuote
                {
                    public decimal SumAssured { get; set; }
                    public double {|#0:FaceValue|} { get; set; }
                    public double {|#1:DeathBenefit|} { get; set; }
                    public double {|#2:SurrenderValue|} { get; set; }
                    public double {|#3:CashValue|} { get; set; }
                    public double {|#4:Copay|} { get; set; }
                    public double {|#5:Copayment|} { get; set; }
                    public double SumAssuredFactor { get; set; }
                    public int SumAssuredBandCount { get; set; }

                    public object Export() => {|#6:(double)SumAssured|};
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("FaceValue", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("DeathBenefit", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(2).WithArguments("SurrenderValue", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(3).WithArguments("CashValue", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(4).WithArguments("Copay", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(5).WithArguments("Copayment", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(6).WithArguments("SumAssured", "double"));
        }

        [Fact]
        public async Task MinorUnitsLossesAndExposureBases_AreMoney_InAPricerClass()
        {
            // "Pricer" is a pricing class by name, like "Rater"; a ratio of two amounts is not money.
            const string source = """
                public class CommercialPropertyPricer
                {
                    public double {|#0:TurnoverGbp|};
                    public double {|#1:Wageroll|};
                    public double {|#2:GrossProfit|};
                    public double {|#3:PayrollTotal|};
                    public double {|#4:AnnualRevenue|};
                    public double {|#5:PremiumPence|};
                    public double {|#6:IncurredLosses|};
                    public double TurnoverRate;
                    public int CentsDigits;

                    public object LossRatio(decimal dIncurred, decimal dPremium) => (double)(dIncurred / dPremium);
                }

                public class PayPerMileService
                {
                    public double Turnover;
                }
                """;

            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("TurnoverGbp", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("Wageroll", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(2).WithArguments("GrossProfit", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(3).WithArguments("PayrollTotal", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(4).WithArguments("AnnualRevenue", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(5).WithArguments("PremiumPence", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(6).WithArguments("IncurredLosses", "double"));
        }

        [Fact]
        public async Task RatesAndActuarialValues_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public double LoadingFactor { get; set; }
                    public double DiscountRate;
                    public double Qx;

                    public decimal Present(decimal premium, int years)
                    {
                        double presentValueOfAmount = Math.Pow(1 + DiscountRate, -years);
                        double glmCoefficient = 0.12;
                        return premium * (decimal)presentValueOfAmount * (decimal)glmCoefficient;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task QuantitiesEndingInAUnitOfMeasure_NotReported_TheAmountsBesideThemStill()
        {
            const string source = """
                using System;

                public sealed record TripPricingInput(double SpeedLimitKph, double PayoutThresholdMm, double DistanceMiles, double EngineCc);

                [QualityGates.PremiumCalculation]
                public class MileageRater
                {
                    public double {|#0:ExcessCharge|} { get; set; }

                    public decimal ExcessMileageCharge(double milesDriven, double includedMiles, decimal ratePerMile)
                    {
                        double excessMiles = Math.Max(0, milesDriven - includedMiles);
                        return (decimal)excessMiles * ratePerMile;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("ExcessCharge", "double"));
        }

        [Fact]
        public async Task QuotientOfQuantities_IsARatio_MoneyOrPerUnitQuotientStillMoney()
        {
            // Net premium per unit of sum assured from commutation values: a ratio, whatever the local is called.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Reserve
                {
                    private double Assurance(int x) => 0.3;
                    private double AnnuityDue(int x) => 15.0;

                    public double Compute(int x, double {|#4:annualAmount|}, int months, double total, double weight)
                    {
                        var netPremium = Assurance(x) / AnnuityDue(x);
                        double {|#0:monthlyPremium|} = annualAmount / months;
                        var {|#1:perMonthPremium|} = Assurance(x) / months;
                        var {|#2:halfPremium|} = Assurance(x) / 2.0;
                        var {|#3:weightedPremium|} = weight / annualAmount;
                        return netPremium + monthlyPremium + perMonthPremium + halfPremium + weightedPremium + total;
                    }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source,
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("monthlyPremium", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(1).WithArguments("perMonthPremium", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(2).WithArguments("halfPremium", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(3).WithArguments("weightedPremium", "double"),
                Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(4).WithArguments("annualAmount", "double"));
        }

        [Fact]
        public async Task RatiosAndTrendsOfMoney_NotReportedButMoneyStillIs()
        {
            // The last matching word decides: a ratio or trend of a money value is dimensionless, not money.
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Trending
                {
                    public double LossCostTrend(double annualTrend, int years) => System.Math.Pow(1 + annualTrend, years);

                    public double PremiumTrend { get; set; }

                    public double ExpenseToPremiumRatio { get; set; }

                    public double {|#0:TrendedLossCost|} { get; set; }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MonetaryValueUsesFloatingPoint).WithLocation(0).WithArguments("TrendedLossCost", "double"));
        }

        [Fact]
        public async Task DecimalMoney_NotReported()
        {
            const string source = """
                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium { get; set; }
                    public int ClaimCount;
                    public double ClaimAmountDays;

                    public decimal Total(decimal fee) => Premium + fee;
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task OutOfScopeCode_NotReported()
        {
            const string source = """
                public class TelemetryStatistics
                {
                    public double Amount { get; set; }

                    public double Average(double amount) { double price = amount / 2; return price; }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ExternalDtoAndOverrides_NotReported()
        {
            const string source = """
                public abstract class QuoteBase
                {
                    public abstract double {|QG1001:Premium|} { get; }
                }

                public interface IQuoteFee
                {
                    double {|QG1001:Fee|} { get; }
                }

                public class Quote : QuoteBase, IQuoteFee
                {
                    public override double Premium => 1;

                    public double Fee => 2;

                    [System.Text.Json.Serialization.JsonPropertyName("tax")]
                    public double Tax { get; set; }
                }
                """;

            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task PricingScopeConfigured_Reported()
        {
            const string source = """
                namespace Contoso.Motor
                {
                    public class Calculator
                    {
                        public double {|QG1001:Excess|};
                    }
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source, "qualitygates_pricing_scope = Contoso.Motor.*");
            await Verify.VerifyAnalyzerAsync(source.Replace("{|QG1001:Excess|}", "Excess"));
        }

        [Fact]
        public async Task MoneyNamesConfigured_ChangesWhatIsMoney()
        {
            const string source = """
                public class PremiumCalculator
                {
                    public double {|QG1001:Indemnity|};
                    public double Premium;
                }
                """;

            await Verify.VerifyCodeFixAsync(source, source, "qualitygates_money_names = indemnity");
        }
    }
}
