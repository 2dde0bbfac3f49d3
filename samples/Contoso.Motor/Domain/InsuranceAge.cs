using System;

namespace Contoso.Motor.Domain
{
    /// <summary>How a tariff counts a person's age.</summary>
    public enum AgeBasis
    {
        /// <summary>Completed years: the age at the last birthday.</summary>
        LastBirthday = 0,

        /// <summary>The age at the nearest birthday: one more once six months have passed since the last one.</summary>
        NearestBirthday = 1,
    }

    /// <summary>
    /// The one place where ages are computed. A naive <c>asOf.Year - dateOfBirth.Year</c> is a year too high before the
    /// birthday, and <c>new DateOnly(year, 2, 29)</c> throws in non-leap years; a wrong age picks a wrong rate row.
    /// </summary>
    public static class InsuranceAge
    {
        private const int MonthsToNearestBirthday = 6;

        /// <summary>The insurance age on <paramref name="asOf"/>, on the basis the tariff names.</summary>
        public static int Compute(DateOnly dateOfBirth, DateOnly asOf, AgeBasis basis)
        {
            if (asOf < dateOfBirth)
            {
                throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "The as-of date is before the date of birth.");
            }

            int lastBirthday = CompleteYears(dateOfBirth, asOf);
            switch (basis)
            {
                case AgeBasis.LastBirthday:
                    return lastBirthday;
                case AgeBasis.NearestBirthday:
                    // AddYears moves a 29 February birthday to 28 February in non-leap years instead of throwing.
                    DateOnly lastBirthdayDate = dateOfBirth.AddYears(lastBirthday);
                    return asOf >= lastBirthdayDate.AddMonths(MonthsToNearestBirthday) ? lastBirthday + 1 : lastBirthday;
                default:
                    throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown age basis.");
            }
        }

        /// <summary>Whole years from <paramref name="start"/> to <paramref name="end"/> (licence years, claim-free years).</summary>
        public static int CompleteYears(DateOnly start, DateOnly end)
        {
            int years = end.Year - start.Year;
            if (end.Month < start.Month || (end.Month == start.Month && end.Day < start.Day))
            {
                years--;
            }

            return years;
        }
    }
}
