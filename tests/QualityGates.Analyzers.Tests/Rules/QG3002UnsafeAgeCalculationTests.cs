using System.Threading.Tasks;
using Verify = QualityGates.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<QualityGates.Analyzers.Rules.UnsafeAgeCalculationAnalyzer>;

namespace QualityGates.Analyzers.Tests.Rules
{
    public class QG3002UnsafeAgeCalculationTests
    {
        [Fact]
        public async Task YearDifferenceWithoutAdjustment_ReportedWithMessage()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class AgeRules
                {
                    public int Age(DateTime dateOfBirth, DateTime asOf)
                    {
                        return asOf.Year - dateOfBirth.Year;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("QG3002").WithSpan(8, 16, 8, 44)
                    .WithArguments("'asOf.Year - dateOfBirth.Year' counts calendar years and is a year too high before the birthday; compare month and day or use one age helper (last or nearest birthday)"));
        }

        [Fact]
        public async Task MemberBirthDateAndDateOnly_Reported()
        {
            const string source = """
                using System;

                public class Applicant { public DateOnly BirthDate { get; set; } }

                public class PremiumRater
                {
                    public int Band(Applicant applicant, DateOnly effective) => ({|QG3002:effective.Year - applicant.BirthDate.Year|}) / 5;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task CalendarDateOfAnotherLibrary_ReportedLikeDateTime()
        {
            // NodaTime's LocalDate, or a team's own: a type with int Year, Month and Day.
            const string source = """
                public readonly record struct LocalDate(int Year, int Month, int Day)
                {
                    public LocalDate PlusYears(int years) => new LocalDate(Year + years, Month, Day);
                    public static bool operator <(LocalDate a, LocalDate b) => (a.Year, a.Month, a.Day).CompareTo((b.Year, b.Month, b.Day)) < 0;
                    public static bool operator >(LocalDate a, LocalDate b) => b < a;
                }

                public record Vehicle(int Year, string Make);

                [QualityGates.UnderwritingRule]
                public class AgeRules
                {
                    public int Naive(LocalDate dateOfBirth, LocalDate asOf) => {|QG3002:asOf.Year - dateOfBirth.Year|};

                    public LocalDate Birthday(LocalDate dob, int year) => {|QG3002:new LocalDate(year, dob.Month, dob.Day)|};

                    public int Adjusted(LocalDate dateOfBirth, LocalDate asOf)
                    {
                        int age = asOf.Year - dateOfBirth.Year;
                        if (asOf < dateOfBirth.PlusYears(age)) age--;
                        return age;
                    }

                    public int VehicleAge(Vehicle vehicle, LocalDate birthDate) => vehicle.Year - birthDate.Year > 0 ? 1 : 0;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task YearDifferenceFollowedByBirthdayAdjustment_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class AgeRules
                {
                    public int AgeLastBirthday(DateOnly dob, DateOnly asOf)
                    {
                        int age = asOf.Year - dob.Year;
                        if (dob.AddYears(age) > asOf) age--;
                        return age;
                    }

                    public int AgeByMonth(DateTime dob, DateTime asOf)
                    {
                        int age = asOf.Year - dob.Year;
                        if (asOf.Month < dob.Month || (asOf.Month == dob.Month && asOf.Day < dob.Day)) age--;
                        return age;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task BirthdayComparedThroughADate_NotReported_OtherDatesComparedStillReported()
        {
            // A comparison of dates is the adjustment only when the birth date is one side of it.
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class AgeRules
                {
                    public int Adjusted(DateTime dateOfBirth, DateTime asOf, DateTime birthdayThisYear)
                    {
                        int age = asOf.Year - dateOfBirth.Year;
                        if (asOf < birthdayThisYear) age--;
                        return age;
                    }

                    public bool Validate(DateTime dateOfBirth, DateTime requestedEffectiveDate, DateTime today)
                    {
                        var age = {|#0:today.Year - dateOfBirth.Year|};
                        return age >= 18 && requestedEffectiveDate >= today;
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("QG3002").WithLocation(0)
                    .WithArguments("'today.Year - dateOfBirth.Year' counts calendar years and is a year too high before the birthday; compare month and day or use one age helper (last or nearest birthday)"));
        }

        [Fact]
        public async Task BirthdayTestedByDayOfYear_ReportedOnce_AtTheComparison()
        {
            // Born 1 March 1990 (day 60); on 29 February 2024 (also day 60) this says the birthday has come.
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class AgeRules
                {
                    public int Age(DateTime dob, DateTime today)
                    {
                        int age = today.Year - dob.Year;
                        if ({|QG3002:today.DayOfYear < dob.DayOfYear|}) age--;
                        return age;
                    }

                    public bool SameSeason(DateTime inception, DateTime renewal) => renewal.DayOfYear < inception.DayOfYear;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task DaysDividedByYearLength_Reported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class LifeRater
                {
                    public int Age(DateTime dob, DateTime asOf) => (int)({|QG3002:(asOf - dob).TotalDays / 365.25|});

                    public int AgeDays(DateTime dob, DateTime asOf) => {|QG3002:(asOf - dob).Days / 365|};

                    public int AgeNumbers(DateOnly birthDate, DateOnly asOf) => {|QG3002:(asOf.DayNumber - birthDate.DayNumber) / 365|};

                    public int AgeThroughALocal(DateTime asOf, DateTime birthDate)
                    {
                        TimeSpan span = asOf - birthDate;
                        return (int)({|QG3002:span.Days / 365.25m|});
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task NodaTimePeriodDaysDividedByYearLength_Reported()
        {
            // NodaTime: LocalDate - LocalDate is a Period, and Period.Days only its days component.
            const string source = """
                namespace NodaTime
                {
                    public enum PeriodUnits { Days, Years }
                    public sealed class Period
                    {
                        public int Days { get; }
                        public int Years { get; }
                        public static Period Between(LocalDate start, LocalDate end, PeriodUnits units) => new Period();
                    }
                    public readonly struct LocalDate
                    {
                        public int Year { get; }
                        public static Period operator -(LocalDate end, LocalDate start) => new Period();
                    }
                }

                namespace Harbor
                {
                    using NodaTime;

                    [QualityGates.UnderwritingRule]
                    public class AgeRules
                    {
                        public int Between(LocalDate dob, LocalDate asOf) => {|QG3002:Period.Between(dob, asOf, PeriodUnits.Days).Days / 365|};

                        public int Difference(LocalDate dateOfBirth, LocalDate asOf) => {|QG3002:(asOf - dateOfBirth).Days / 365|};

                        public int Years(LocalDate dob, LocalDate asOf) => Period.Between(dob, asOf, PeriodUnits.Years).Years;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task BirthdayInAnotherYear_Reported()
        {
            const string source = """
                using System;

                [QualityGates.UnderwritingRule]
                public class AgeRules
                {
                    public DateTime NextBirthday(DateTime dob, int year) => {|QG3002:new DateTime(year, dob.Month, dob.Day)|};

                    public DateOnly Copy(DateOnly dob) => new DateOnly(dob.Year, dob.Month, dob.Day);
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task NonBirthDates_NotReported()
        {
            const string source = """
                using System;

                [QualityGates.PremiumCalculation]
                public class TermRater
                {
                    public int PolicyYears(DateTime effective, DateTime expiry) => expiry.Year - effective.Year;

                    public double Years(DateTime effective, DateTime expiry) => (expiry - effective).TotalDays / 365.25;

                    public DateTime Anniversary(DateTime effective, int year) => new DateTime(year, effective.Month, effective.Day);
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task OutsideScope_NotReported()
        {
            const string source = """
                using System;

                public class MarketingStatistics
                {
                    public int ApproximateAge(DateTime dob) => (DateTime.Today - dob).Days / 365;

                    public int Age(DateTime dob, DateTime asOf) => asOf.Year - dob.Year;
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
