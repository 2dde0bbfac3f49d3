using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.IntermediateRoundingAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG1004IntermediateRoundingTests
    {
        private const string Enable = "dotnet_diagnostic.QG1004.severity = suggestion";

        [Fact]
        public async Task RoundedFactorMultiplied_ReportedWithArguments()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium, decimal ageFactor, decimal areaFactor)
                    {
                        decimal premium = basePremium * {|#0:Math.Round(ageFactor, 2, MidpointRounding.AwayFromZero)|} * areaFactor;
                        return premium;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Enable,
                Verify.Diagnostic(DiagnosticIds.IntermediateRounding).WithLocation(0).WithArguments("Math.Round(ageFactor, 2, MidpointRounding.AwayFromZero)", "premium"));
        }

        [Fact]
        public async Task RoundedLocalFlowsIntoMultiplication_ReportedWithLocalName()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium, decimal loadingFactor)
                    {
                        var roundedBase = {|#0:Math.Round(basePremium, 2)|};
                        return roundedBase * loadingFactor;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enable, Verify.Diagnostic(DiagnosticIds.IntermediateRounding).WithLocation(0).WithArguments("roundedBase", "roundedBase * loadingFactor"));
        }

        [Fact]
        public async Task RoundedInLoopAccumulation_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Total(decimal[] coverPremiums)
                    {
                        decimal totalPremium = 0;
                        foreach (var p in coverPremiums)
                        {
                            totalPremium += {|QG1004:Math.Round(p * 1.1m, 2)|};
                        }

                        return totalPremium;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enable);
        }

        [Fact]
        public async Task RoundingThatCannotReachTheArithmetic_NotReported_ALaterOrLoopCarriedUse_Reported()
        {
            // Exclusive branches, an earlier use, a total split in two with the remainder, a rounding to a grid.
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Branches(decimal premium, decimal f, bool annual, int term)
                    {
                        decimal r = premium;
                        if (annual) { r = Math.Round(premium, 2, MidpointRounding.AwayFromZero); }
                        else { r = f * r; }

                        decimal q = premium;
                        switch (term)
                        {
                            case 4: q = Math.Round(f * q, 2, MidpointRounding.AwayFromZero); break;
                            case 5: q = f * q; break;
                            case 6: q = Math.Round(q / 2, 2, MidpointRounding.AwayFromZero); break;
                            default: q = f / q; break;
                        }

                        var s = premium;
                        var t = s * f;
                        s = Math.Round(premium, 2, MidpointRounding.AwayFromZero);
                        return r + q + t + s;
                    }

                    public decimal Later(decimal premium, decimal f, bool annual)
                    {
                        decimal r = premium;
                        if (annual) { r = {|#0:Math.Round(premium, 2, MidpointRounding.AwayFromZero)|}; }
                        return r * f;
                    }

                    public decimal Loop(decimal[] premiums, decimal f)
                    {
                        decimal total = 0m, r = 0m;
                        foreach (var premium in premiums)
                        {
                            total += r * f;
                            r = {|#1:Math.Round(premium, 2, MidpointRounding.AwayFromZero)|};
                        }

                        return total;
                    }

                    public (decimal Central, decimal State) Gst(decimal netPremium, decimal gstRate)
                    {
                        var gst = Math.Round(netPremium * gstRate, 2, MidpointRounding.AwayFromZero);
                        var cgst = decimal.Round(gst / 2, 2, MidpointRounding.ToZero);
                        var sgst = gst - cgst;
                        return (cgst, sgst);
                    }

                    public (decimal Central, decimal State) GstInPaise(decimal netPremium, decimal gstRate)
                    {
                        var gst = Math.Round(netPremium * gstRate, 2, MidpointRounding.AwayFromZero);
                        var paise = gst * 100m;
                        var cgstPaise = decimal.Floor(paise / 2);
                        return (cgstPaise / 100m, (paise - cgstPaise) / 100m);
                    }

                    public decimal Nearest5Cents(decimal premium) => Math.Round(premium / 0.05m, MidpointRounding.AwayFromZero) * 0.05m;

                    public decimal NotAGrid(decimal premium) => {|#2:Math.Round(premium / 0.05m, MidpointRounding.AwayFromZero)|} * 0.04m;
                }
                """;

            await Verify.VerifyAsync(
                source,
                Enable,
                Verify.Diagnostic(DiagnosticIds.IntermediateRounding).WithLocation(0).WithArguments("r", "r * f"),
                Verify.Diagnostic(DiagnosticIds.IntermediateRounding).WithLocation(1).WithArguments("r", "r * f"),
                Verify.Diagnostic(DiagnosticIds.IntermediateRounding).WithLocation(2).WithArguments("Math.Round(premium / 0.05m, MidpointRounding.AwayFromZero)", "Math.Round(premium / 0.05m, MidpointRounding.AwayFromZero..."));
        }

        [Fact]
        public async Task RoundedFactorIntoTheReturnOfAMoneyMember_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Endorsements
                {
                    public decimal AdditionalPremium(decimal annualChange, int daysRemaining, int termDays)
                    {
                        var proRataFactor = {|#0:Math.Round((decimal)daysRemaining / termDays, 3, MidpointRounding.AwayFromZero)|};
                        return Math.Round(annualChange * proRataFactor, 2, MidpointRounding.AwayFromZero);
                    }

                    public decimal ScaledFactor(decimal change, int daysRemaining, int termDays)
                    {
                        var proRataFactor = Math.Round((decimal)daysRemaining / termDays, 3, MidpointRounding.AwayFromZero);
                        return Math.Round(change * proRataFactor, 4, MidpointRounding.AwayFromZero);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enable, Verify.Diagnostic(DiagnosticIds.IntermediateRounding).WithLocation(0).WithArguments("proRataFactor", "AdditionalPremium"));
        }

        [Fact]
        public async Task RoundOnceAtTheEnd_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    public decimal Premium(decimal basePremium, decimal ageFactor, decimal fee)
                    {
                        var premium = Math.Round(basePremium * ageFactor, 2, MidpointRounding.AwayFromZero);
                        return premium + fee;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enable);
        }

        [Fact]
        public async Task MandatedRoundingStep_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class Rater
                {
                    [QualityGates.RoundingStep]
                    public decimal PerCoverage(decimal basePremium, decimal factor) => Math.Round(basePremium, 0) * factor;

                    public decimal ExperienceMod(decimal premium, decimal mod) => premium * Math.Round(mod, 2);
                }
                """;

            await Verify.VerifyAsync(source, Enable + "\nqualitygates_allowed_intermediate_rounding = ExperienceMod");
        }

        [Fact]
        public void Descriptor_IsOptIn()
        {
            // The test harness enables every supported diagnostic, so the opt-in default is asserted on the descriptor.
            Assert.False(DiagnosticDescriptors.IntermediateRounding.IsEnabledByDefault);
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, DiagnosticDescriptors.IntermediateRounding.DefaultSeverity);
        }

        [Fact]
        public async Task OutOfScope_NotReported()
        {
            const string source = """
                using System;

                public class Report
                {
                    public decimal Amount(decimal amount, decimal share) => amount * Math.Round(share, 2);
                }
                """;

            await Verify.VerifyAsync(source, Enable);
        }

        [Fact]
        public async Task RemainderAllocation_NotReported_RoundedShareFeedingAPrice_Reported()
        {
            // Rounding the regular instalment and putting the leftover on the first is how a schedule sums to the premium.
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public sealed class InstalmentPlanner
                {
                    public (decimal First, decimal Regular) Split(decimal annualPremium, int instalmentCount)
                    {
                        if (instalmentCount <= 0) throw new ArgumentOutOfRangeException(nameof(instalmentCount));
                        var regular = decimal.Round(annualPremium / instalmentCount, 2, MidpointRounding.ToZero);
                        var first = annualPremium - regular * (instalmentCount - 1);
                        return (first, regular);
                    }

                    public decimal[] Allocate(decimal annualPremium, int parts)
                    {
                        var minorUnits = (long)Math.Round(annualPremium * 100m, 0, MidpointRounding.AwayFromZero);
                        var baseUnits = minorUnits / parts;
                        var remainder = minorUnits % parts;
                        var result = new decimal[parts];
                        for (var i = 0; i < parts; i++) result[i] = (baseUnits + (i < remainder ? 1 : 0)) / 100m;
                        return result;
                    }

                    public decimal PerPart(decimal annualPremium, int parts)
                    {
                        var units = {|#1:Math.Round(annualPremium * 100m, 0, MidpointRounding.AwayFromZero)|};
                        decimal partPremium = units / parts / 100m;
                        return partPremium;
                    }

                    public decimal Loaded(decimal annualPremium, decimal loadingFactor)
                    {
                        var roundedBase = {|#0:Math.Round(annualPremium, 2, MidpointRounding.AwayFromZero)|};
                        decimal loadedPremium = roundedBase * loadingFactor;
                        return loadedPremium - roundedBase;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Enable, Verify.Diagnostic(DiagnosticIds.IntermediateRounding).WithLocation(0).WithArguments("roundedBase", "loadedPremium"),
                Verify.Diagnostic(DiagnosticIds.IntermediateRounding).WithLocation(1).WithArguments("units", "partPremium"));
        }
    }
}
