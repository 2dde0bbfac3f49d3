using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using QualityGates.Analyzers;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ProtectedCharacteristicInfluencesOutcomeAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG2007ProtectedCharacteristicInfluencesOutcomeTests
    {
        private const string Types = """
            public enum Gender { Female, Male, Diverse }
            public enum Decision { Approve, Refer, Decline }
            public class Applicant
            {
                public Gender Gender { get; set; }
                public string Religion { get; set; } = "";
                public string Race { get; set; } = "";
                public int Age { get; set; }
                public string Name { get; set; } = "";
            }

            """;

        [Fact]
        public async Task GenderInPremiumArithmetic_ReportedWithArguments()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium) =>
                        basePremium * (applicant.Gender == Gender.Female ? 0.9m : 1.1m);
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithSpan(14, 24, 14, 40).WithArguments("Gender", "the price"));
        }

        [Fact]
        public async Task LoadingLookedUpByGender_ScalingAnyTotal_ReportedOnceAtTheKey()
        {
            // total is not named as money, but scaling it by a loading prices it, as total * loading would.
            await Verify.VerifyAsync(Types + """
                public class QuoteRater
                {
                    private readonly System.Collections.Generic.Dictionary<string, decimal> _genderLoadings = new();
                    private readonly System.Collections.Generic.Dictionary<string, int> _genderCounts = new();

                    public decimal GenderIntoTotal(Applicant a, decimal total)
                    {
                        if (_genderLoadings.TryGetValue({|#0:a.Gender|}.ToString()[..1], out var genderLoading)) total *= genderLoading;
                        return total;
                    }

                    public string Label(Applicant a, string text)
                    {
                        if (_genderCounts.TryGetValue(a.Gender.ToString(), out var count)) text += count;
                        return text;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(0).WithArguments("Gender", "a rating factor"));
        }

        [Fact]
        public async Task LegacyStringStatusDecidedByGender_Reported()
        {
            await Verify.VerifyAsync("""
                using System.Data;

                public static class StatusCodes { public const string DECLINED = "DECLINED"; public const string REFER = "REFER"; }
                public sealed class EligibilityRequest { public string Gender { get; set; } = ""; public int YearsLicensed { get; set; } public string Name { get; set; } = ""; }

                public class EligibilityService
                {
                    public string ReferOrDecline(EligibilityRequest req)
                    {
                        if ({|#0:req.Gender|} == "M" && req.YearsLicensed < 3)
                            return StatusCodes.DECLINED;
                        return StatusCodes.REFER;
                    }

                    public string ProcessRow(DataRow row)
                    {
                        string m_strStatus = StatusCodes.REFER;
                        if ((string){|#1:row["GENDER"]|} != "F")
                            m_strStatus = StatusCodes.DECLINED;
                        return m_strStatus;
                    }

                    public string Greeting(EligibilityRequest req) => req.Gender == "M" ? "Dear Sir" : "Dear Madam";
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(0).WithArguments("Gender", "the underwriting decision"),
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(1).WithArguments("GENDER", "the underwriting decision"));
        }

        [Fact]
        public async Task MeasureOfTheInsuredEvent_NotASource()
        {
            // WeeksOfDisability is how long the claim lasts, like DisabilityWeeks; DisabilityStatus is the person's.
            await Verify.VerifyAsync("""
                public class Claim
                {
                    public int ExpectedWeeksOfDisability { get; set; }
                    public int DateOfDisability { get; set; }
                    public string DisabilityStatus { get; set; } = "";
                }

                public class IndemnityPremiumCalculator
                {
                    public decimal Reserve(Claim claim, decimal weekly)
                    {
                        var waitingWeek = claim.ExpectedWeeksOfDisability > 2 ? 0 : 1;
                        return weekly * (claim.ExpectedWeeksOfDisability - waitingWeek) + claim.DateOfDisability
                            + ({|#0:claim.DisabilityStatus|} == "Permanent" ? weekly * 1.5m : 0m);
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(0).WithArguments("DisabilityStatus", "the price"));
        }

        [Fact]
        public async Task OptionsSwitch_NotASource_ThePersonsValueIs()
        {
            // _options.DeclinePregnancy is the product's configuration; app.CurrentlyPregnant is the applicant's.
            await Verify.VerifyAsync(Types + """
                public class UnderwritingOptions { public bool DeclinePregnancy { get; set; } }
                public class Application { public bool CurrentlyPregnant { get; set; } }

                [QualityGates.UnderwritingRule]
                public class ShortTermMedicalUnderwriter
                {
                    private readonly UnderwritingOptions _options = new();

                    public Decision Assess(Application app) =>
                        {|#0:app.CurrentlyPregnant|} && _options.DeclinePregnancy ? Decision.Decline : Decision.Approve;
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(0).WithArguments("CurrentlyPregnant", "the underwriting decision"));
        }

        [Fact]
        public async Task DataRowColumnsByName_Reported()
        {
            await Verify.VerifyAsync(Types + """
                public class UnderwritingRules
                {
                    public Decision Assess(System.Data.DataRow drRisk, System.Collections.Hashtable htAnswers)
                    {
                        if ({|#0:drRisk["Gender"]|}.ToString() == "F")
                        {
                            return Decision.Refer;
                        }
                        string strReligion = {|#1:System.Data.DataRowExtensions.Field<string>(drRisk, "Religion")|};
                        if (strReligion == "X" || (string){|#2:htAnswers["ETHNIC_ORIGIN"]|} == "Y")
                        {
                            return Decision.Decline;
                        }
                        return Decision.Approve;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(0).WithArguments("Gender", "the underwriting decision"),
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(1).WithArguments("Religion", "the underwriting decision"),
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(2).WithArguments("ETHNIC_ORIGIN", "the underwriting decision"));
        }

        [Fact]
        public async Task DataRowColumnsByName_PresenceOrOtherColumns_NotReported()
        {
            await Verify.VerifyAsync(Types + """
                public class UnderwritingRules
                {
                    public Decision Assess(System.Data.DataRow drRisk, string strColumn)
                    {
                        if (drRisk["Gender"] == null || drRisk[strColumn].ToString() == "F")
                        {
                            return Decision.Refer;
                        }
                        int intClaims = System.Data.DataRowExtensions.Field<int>(drRisk, "ClaimCount");
                        return intClaims > 3 || (string)drRisk["Occupation"] == "DIVER" ? Decision.Decline : Decision.Approve;
                    }
                }
                """);
        }

        [Fact]
        public async Task FactsOfTheInsuredEventAndDecisionCalls_NotSources_TraitAndDerivedFactor_Reported()
        {
            // Disability cover: the disability is the insured event. Its onset date, the earnings before it and the benefit
            // are claim facts, and a call that returns a decision decides about it (that method is analysed on its own).
            // A disability status or a factor by sex still carries the characteristic.
            await Verify.VerifyAsync(Types + """
                public class DisabilityClaim
                {
                    public System.DateTime? DisabilityOnsetDate { get; set; }
                    public decimal? PreDisabilityMonthlyEarnings { get; set; }
                    public decimal DisabilityBenefitAmount { get; set; }
                    public bool DisabilityStatus { get; set; }
                }
                public class Assessment { public Decision Decision { get; set; } }
                [QualityGates.UnderwritingRule]
                public class ClaimRules
                {
                    public Decision Assess(DisabilityClaim claim)
                    {
                        if (claim.DisabilityOnsetDate is null || claim.PreDisabilityMonthlyEarnings is not { } earnings || claim.DisabilityBenefitAmount > earnings)
                        {
                            return Decision.Refer;
                        }
                        return AssessDisability(claim).Decision;
                    }

                    public Decision Screen(DisabilityClaim claim) => {|#0:claim.DisabilityStatus|} ? Decision.Decline : Decision.Approve;

                    private Assessment AssessDisability(DisabilityClaim claim) => new Assessment { Decision = Decision.Approve };
                }
                public class PremiumCalculator
                {
                    public decimal Premium(decimal basePremium, decimal sexFactor) => basePremium * {|#1:sexFactor|};
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(0).WithArguments("DisabilityStatus", "the underwriting decision"),
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(1).WithArguments("sexFactor", "the price"));
        }

        [Fact]
        public async Task TraitsOfAnInsuredAnimal_NotSources_TheOwnersStillAre()
        {
            // Pet cover rates the animal: the laws behind protected characteristics protect people.
            await Verify.VerifyAsync(Types + """
                public enum Sex { Female, Male }
                public sealed record PetProfile(string Breed, Sex Sex, bool IsPregnant, int Age);
                public sealed record Owner(Gender Gender);
                public sealed record PetQuoteRequest(Gender Gender);

                public class PetPremiumCalculator
                {
                    public decimal Premium(PetProfile pet, Owner owner, Sex petSex, PetQuoteRequest request, Gender petOwnerGender, decimal basePremium)
                    {
                        var premium = basePremium;
                        if (pet.Sex == Sex.Male) premium *= 1.05m;
                        if (pet.IsPregnant) premium *= 1.2m;
                        if (petSex == Sex.Female) premium *= 0.98m;
                        if ({|#0:owner.Gender|} == Gender.Male) premium *= 1.1m;
                        if ({|#1:request.Gender|} == Gender.Male) premium *= 1.1m;
                        if ({|#2:petOwnerGender|} == Gender.Male) premium *= 1.1m;
                        return premium;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(0).WithArguments("Gender", "the price"),
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(1).WithArguments("Gender", "the price"),
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithLocation(2).WithArguments("petOwnerGender", "the price"));
        }

        [Fact]
        public async Task GenderThroughLocalAndCondition_ReportedOnce()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        var g = {|QG2007:applicant.Gender|};
                        decimal adjustment = 1m;
                        if (g == Gender.Female)
                        {
                            adjustment = 0.95m;
                        }

                        var total = basePremium * adjustment;
                        return total;
                    }
                }
                """);
        }

        [Fact]
        public async Task ReligionGuardsDecline_ReportedAsDecision()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    public Decision Decide(Applicant applicant)
                    {
                        if (applicant.Age > 80) return Decision.Refer;
                        if (applicant.Religion.Length > 0) return Decision.Decline;
                        return Decision.Approve;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithSpan(17, 13, 17, 31).WithArguments("Religion", "the underwriting decision"));
        }

        [Fact]
        public async Task AttributeMarkedParameterViaOutLookup_Reported()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    private static bool Lookup(string key, out decimal value) { value = key.Length; return true; }

                    public decimal Premium([QualityGates.ProtectedCharacteristic] string tribe, decimal basePremium)
                    {
                        Lookup({|QG2007:tribe|}, out var loading);
                        return basePremium + loading;
                    }
                }
                """);
        }

        [Fact]
        public async Task ValidationNameofAndNonRatingUses_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        if (applicant.Race == null) throw new System.ArgumentException(nameof(Applicant.Race));
                        var salutation = applicant.Gender == Gender.Female ? "Ms" : "Mr";
                        System.Console.WriteLine(salutation + applicant.Name);
                        return basePremium * (applicant.Age > 70 ? 1.2m : 1m);
                    }
                }
                """);
        }

        [Fact]
        public async Task FairnessMonitoringOutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class FairnessMonitor
                {
                    public decimal AverageFor(Applicant applicant, decimal amount) =>
                        applicant.Gender == Gender.Female ? amount * 2 : amount;
                }
                """);
        }

        [Fact]
        public async Task UsJurisdiction_GenderNotProtectedButRaceIs()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        var loading = applicant.Gender == Gender.Male ? 1.1m : 1m;
                        if ({|QG2007:applicant.Race|} == "x") loading += 0.1m;
                        return basePremium * loading;
                    }
                }
                """, "qualitygates_jurisdiction = us");
        }

        [Fact]
        public async Task PerAttributeSeverity_ErrorAndNone()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        var loading = applicant.Gender == Gender.Male ? 1.1m : 1m;
                        if (applicant.Race == "x") loading += 0.1m;
                        return basePremium * loading;
                    }
                }
                """,
                "qualitygates_protected_attributes.gender.severity = error\nqualitygates_protected_attributes.race.severity = none",
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithSpan(15, 23, 15, 39).WithSeverity(DiagnosticSeverity.Error).WithArguments("Gender", "a rating factor"));
        }

        [Fact]
        public async Task PerAttributeSeverity_FollowsEachFilesOwnSection()
        {
            // The same code in two folders whose .editorconfig sections disagree: each file gets its own severity.
            string Calculator(string name) => $$"""
                public class {{name}}
                {
                    public decimal Premium(Applicant applicant, decimal basePremium) =>
                        basePremium * (applicant.Gender == Gender.Male ? 1.1m : 1m);
                }
                """;
            var test = new Verify.Test();
            Verifiers.TestSetup.Configure(test.TestState, null);
            test.TestState.Sources.Add(("/0/Types.cs", Types));
            test.TestState.Sources.Add(("/0/Strict/StrictCalculator.cs", Calculator("StrictCalculator")));
            test.TestState.Sources.Add(("/0/Lenient/LenientCalculator.cs", Calculator("LenientCalculator")));
            test.TestState.Sources.Add(("/0/Default/DefaultCalculator.cs", Calculator("DefaultCalculator")));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
                root = true

                [0/Strict/*.cs]
                qualitygates_protected_attributes.gender.severity = error

                [0/Lenient/*.cs]
                qualitygates_protected_attributes.gender.severity = none

                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome)
                .WithSpan("/0/Strict/StrictCalculator.cs", 4, 24, 4, 40).WithSeverity(DiagnosticSeverity.Error).WithArguments("Gender", "the price"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome)
                .WithSpan("/0/Default/DefaultCalculator.cs", 4, 24, 4, 40).WithArguments("Gender", "the price"));
            await test.RunAsync();
        }

        [Fact]
        public async Task GenderGuardsMoneyReturnOfNeutrallyNamedMethod_Reported()
        {
            // The method's name says nothing about money: the returned value does (a money-named or [Monetary] operand).
            await Verify.VerifyAsync(Types + """
                [QualityGates.PremiumCalculation]
                public class Flow
                {
                    private const decimal MaleLoading = 1.1m;

                    public decimal Calculate(Applicant applicant, decimal basePremium)
                    {
                        if (applicant.Gender == Gender.Male) return basePremium * MaleLoading;
                        return basePremium;
                    }

                    public decimal Apply(Applicant applicant, [QualityGates.Monetary] decimal value)
                    {
                        if ({|QG2007:applicant.Race|} == "x")
                        {
                            return value;
                        }

                        return value + 1m;
                    }
                }
                """,
                Verify.Diagnostic(DiagnosticIds.ProtectedCharacteristicInfluencesOutcome).WithSpan(18, 13, 18, 29).WithArguments("Gender", "the price"));
        }

        [Fact]
        public async Task GenderGuardsNonMoneyReturnOrOutOfScope_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.PremiumCalculation]
                public class Flow
                {
                    public int Drivers(Applicant applicant, int drivers)
                    {
                        if (applicant.Gender == Gender.Male) return drivers + 1;
                        return drivers;
                    }

                    public string Salutation(Applicant applicant, decimal basePremium)
                    {
                        if (applicant.Gender == Gender.Male) return "Mr " + basePremium;
                        return "Ms";
                    }

                    public bool ShowsBanner(Applicant applicant, decimal basePremium)
                    {
                        if (applicant.Gender == Gender.Female) return basePremium > 100m;
                        return false;
                    }

                    public decimal Logged(Applicant applicant, decimal basePremium)
                    {
                        System.Console.WriteLine(applicant.Gender + ": " + basePremium);
                        var line = "premium " + basePremium + " for " + applicant.Gender;
                        System.Console.WriteLine(line);
                        return basePremium;
                    }
                }

                public class Segmenter
                {
                    public decimal Calculate(Applicant applicant, decimal basePremium)
                    {
                        if (applicant.Gender == Gender.Male) return basePremium * 1.1m;
                        return basePremium;
                    }
                }
                """);
        }

        [Fact]
        public async Task GenderThroughTupleDeconstruction_ReportedElementWise()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    private const decimal MaleLoading = 1.1m;

                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        var (g, age) = ({|QG2007:applicant.Gender|}, applicant.Age);
                        return g == Gender.Male ? basePremium * MaleLoading : basePremium;
                    }

                    public decimal PremiumIntoExistingLocals(Applicant applicant, decimal basePremium)
                    {
                        Gender g;
                        int age;
                        (age, (g, _)) = (applicant.Age, ({|QG2007:applicant.Gender|}, applicant.Name));
                        if (g == Gender.Female) return basePremium * 0.9m;
                        return basePremium;
                    }

                    public decimal PremiumFromDeclaredElements(Applicant applicant, decimal basePremium)
                    {
                        (var religion, var age) = ({|QG2007:applicant.Religion|}, applicant.Age);
                        var loading = religion.Length > 0 ? 1.2m : 1m;
                        return basePremium * loading;
                    }
                }
                """);
        }

        [Fact]
        public async Task DeconstructionOfACallResult_TaintsEveryTarget()
        {
            // The elements of a call's result cannot be told apart: each target carries every source of the call.
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    private static (T1, T2) Pair<T1, T2>(T1 first, T2 second) => (first, second);

                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        var (g, age) = Pair({|QG2007:applicant.Gender|}, applicant.Age);
                        if (age > 70) return basePremium * 1.2m;
                        return basePremium;
                    }
                }
                """);
        }

        [Fact]
        public async Task DeconstructedGenderNeverRates_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class PremiumCalculator
                {
                    public decimal Premium(Applicant applicant, decimal basePremium)
                    {
                        var (g, (age, name)) = (applicant.Gender, (applicant.Age, applicant.Name));
                        System.Console.WriteLine(g + name);
                        if (age > 70) return basePremium * 1.2m;
                        return basePremium;
                    }

                    public decimal PremiumIntoExistingLocals(Applicant applicant, decimal basePremium)
                    {
                        Gender g;
                        int age;
                        (g, age) = (applicant.Gender, applicant.Age);
                        System.Console.WriteLine(g);
                        return age > 70 ? basePremium * 1.2m : basePremium;
                    }
                }
                """);
        }

        [Fact]
        public async Task PropertyPatternsInSwitchCasesArmsAndIf_Reported()
        {
            await Verify.VerifyAsync(Types + """
                public class Address { public string Country { get; set; } = ""; }
                public class Proposal { public Applicant Applicant { get; set; } = new Applicant(); public Address Address { get; set; } = new Address(); }

                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    internal Decision ByCase(Applicant a)
                    {
                        switch (a)
                        {
                            case { {|QG2007:Religion|}: "X" }:
                                return Decision.Decline;
                            case { Age: > 80 } when {|QG2007:a.Race|} == "y":
                                return Decision.Refer;
                            default:
                                return Decision.Approve;
                        }
                    }

                    internal Decision ByArm(Proposal p) => p switch
                    {
                        { Applicant: { {|QG2007:Gender|}: Gender.Male } } => Decision.Decline,
                        { {|QG2007:Applicant.Race|}: "x" } => Decision.Refer,
                        _ => Decision.Approve,
                    };

                    internal Decision ByIf(Proposal p)
                    {
                        if (p is { {|QG2007:Applicant.Religion|}: "X" }) return Decision.Decline;
                        return Decision.Approve;
                    }
                }
                """);
        }

        [Fact]
        public async Task PatternBoundLocalsRatingAfterAGuardClause_Reported()
        {
            // The pattern only guards a throw; the local it binds carries the characteristic into the price.
            await Verify.VerifyAsync(Types + """
                public class Profile { public Gender? Gender { get; set; } public Applicant Holder { get; set; } = new Applicant(); }
                public class PremiumCalculator
                {
                    public decimal ByRecursive(Profile profile, decimal basePremium)
                    {
                        if ({|QG2007:profile.Gender|} is not { } g) throw new System.ArgumentException("gender");
                        return g == Gender.Female ? basePremium * 0.9m : basePremium;
                    }

                    public decimal ByType(Profile profile, decimal basePremium)
                    {
                        if ({|QG2007:profile.Gender|} is not Gender g) throw new System.ArgumentException("gender");
                        var loading = g == Gender.Male ? 1.1m : 1m;
                        return basePremium * loading;
                    }

                    public decimal ByMember(Profile profile, decimal basePremium)
                    {
                        if (profile.Holder is not { {|QG2007:Religion|}: var religion, Age: > 17 }) throw new System.ArgumentException("holder");
                        return religion.Length > 0 ? basePremium * 1.2m : basePremium;
                    }
                }
                """);
        }

        [Fact]
        public async Task PatternBoundLocalsThatNeverRate_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                public class Profile { public Gender? Gender { get; set; } public Applicant Holder { get; set; } = new Applicant(); }
                public class PremiumCalculator
                {
                    public decimal ByRecursive(Profile profile, decimal basePremium)
                    {
                        if (profile.Gender is not { } g) throw new System.ArgumentException("gender");
                        System.Console.WriteLine(g);
                        return basePremium;
                    }

                    public decimal ByMember(Profile profile, decimal basePremium)
                    {
                        if (profile.Holder is not { Religion: var religion, Age: var age }) throw new System.ArgumentException("holder");
                        System.Console.WriteLine(religion);
                        return age > 70 ? basePremium * 1.2m : basePremium;
                    }
                }
                """);
        }

        [Fact]
        public async Task PatternsOnOtherPropertiesOrPresenceOnly_NoDiagnostic()
        {
            await Verify.VerifyAsync(Types + """
                [QualityGates.UnderwritingRule]
                public class Rules
                {
                    internal Decision ByCase(Applicant a)
                    {
                        switch (a)
                        {
                            case { Age: > 80, Name: "" }:
                                return Decision.Decline;
                            case { Religion: null }:
                                return Decision.Refer;
                            case { Race: not null, Age: < 18 }:
                                return Decision.Refer;
                            default:
                                return Decision.Approve;
                        }
                    }

                    internal Decision ByIf(Applicant a)
                    {
                        if (a is { Age: > 80 }) return Decision.Decline;
                        if (a is { Religion: { } } && a.Age > 70) return Decision.Refer;
                        return Decision.Approve;
                    }
                }
                """);
        }

        [Fact]
        public async Task PerAttributeSeverityKeys_AcceptedOrReportedByQG0001()
        {
            await Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ConfigurationValidationAnalyzer>.VerifyAsync("class C { }", "qualitygates_protected_attributes.sex.severity = error");
            await Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ConfigurationValidationAnalyzer>.VerifyAsync(
                "class C { }",
                "qualitygates_protected_attributes.sex.severity = loud",
                Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.ConfigurationValidationAnalyzer>.Diagnostic(DiagnosticIds.InvalidConfiguration).WithSpan(1, 1, 1, 6)
                    .WithArguments("qualitygates_protected_attributes.sex.severity", "loud", "expected none, silent, suggestion, warning or error"));
        }
    }
}
