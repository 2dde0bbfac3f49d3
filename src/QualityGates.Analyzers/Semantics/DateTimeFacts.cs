using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>Which clock an ambient time read consults.</summary>
    public enum ClockKind
    {
        None = 0,

        /// <summary>DateTime.Now / DateTime.Today: local wall-clock time.</summary>
        Local,

        /// <summary>DateTime.UtcNow.</summary>
        Utc,

        /// <summary>DateTimeOffset.Now / UtcNow and TimeProvider.System: an instant with its offset.</summary>
        Offset,

        /// <summary>Environment.TickCount and TimeProvider timestamps.</summary>
        Ticks,
    }

    /// <summary>The date and time facts the QG3xxx rules share: clock reads, date types, birth dates, day counts, year lengths.</summary>
    public static class DateTimeFacts
    {
        /// <summary>Lengths of a "year" that code hard-codes instead of the actual term.</summary>
        public static readonly ImmutableArray<decimal> YearLengths = ImmutableArray.Create(365m, 366m, 360m, 365.25m, 365.2425m);

        private static readonly WordPatterns BirthDateNames = new WordPatterns(new[] { "dob", "birth*", "dateofbirth", "born" });

        /// <summary>DateTime, DateOnly or DateTimeOffset (nullable included).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsDateType(ITypeSymbol? type, WellKnownTypes types)
        {
            if (type == null)
            {
                return false;
            }

            type = InsuranceContext.UnwrapNullable(type);
            return type.SpecialType == SpecialType.System_DateTime || WellKnownTypes.Is(type, types.DateOnly) || WellKnownTypes.Is(type, types.DateTimeOffset);
        }

        /// <summary>
        /// Recognises an ambient clock read (DateTime.Now/UtcNow/Today, DateTimeOffset.Now/UtcNow, TimeProvider.System.Get*Now(),
        /// Environment.TickCount*) and names it as written, e.g. "DateTime.UtcNow".
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static ClockKind GetClockRead(IOperation operation, WellKnownTypes types, out string display)
        {
            display = string.Empty;
            switch (operation)
            {
                case IPropertyReferenceOperation p when p.Instance == null:
                    var type = p.Property.ContainingType;
                    var name = p.Property.Name;
                    ClockKind kind = ClockKind.None;
                    if (type.SpecialType == SpecialType.System_DateTime)
                    {
                        kind = name == "UtcNow" ? ClockKind.Utc : (name == "Now" || name == "Today" ? ClockKind.Local : ClockKind.None);
                    }
                    else if (WellKnownTypes.Is(type, types.DateTimeOffset))
                    {
                        kind = name == "UtcNow" || name == "Now" ? ClockKind.Offset : ClockKind.None;
                    }
                    else if (WellKnownTypes.Is(type, types.Environment))
                    {
                        kind = name == "TickCount" || name == "TickCount64" ? ClockKind.Ticks : ClockKind.None;
                    }

                    if (kind != ClockKind.None)
                    {
                        display = type.Name + "." + name;
                    }

                    return kind;
                case IInvocationOperation i when types.TimeProvider != null && WellKnownTypes.Is(i.TargetMethod.ContainingType, types.TimeProvider) &&
                                                 i.Instance is IPropertyReferenceOperation system && system.Instance == null && system.Property.Name == "System":
                    switch (i.TargetMethod.Name)
                    {
                        case "GetUtcNow":
                        case "GetLocalNow":
                            display = "TimeProvider.System." + i.TargetMethod.Name + "()";
                            return ClockKind.Offset;
                        case "GetTimestamp":
                            display = "TimeProvider.System.GetTimestamp()";
                            return ClockKind.Ticks;
                        default:
                            return ClockKind.None;
                    }

                default:
                    return ClockKind.None;
            }
        }

        /// <summary>A member, local or parameter named like a date of birth (dob, BirthDate, DateOfBirth).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsBirthDateName(string name) => BirthDateNames.Matches(name);

        /// <summary>True when the expression reads a birth-date symbol, possibly through .Date, .DayNumber, a conversion or a member chain.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool ReadsBirthDate(IOperation? operation)
        {
            var op = operation?.WalkDownConversions();
            while (op != null)
            {
                switch (op)
                {
                    case IPropertyReferenceOperation p:
                        if (IsBirthDateName(p.Property.Name))
                        {
                            return true;
                        }

                        op = p.Instance?.WalkDownConversions();
                        continue;
                    case IFieldReferenceOperation f:
                        return IsBirthDateName(f.Field.Name);
                    case ILocalReferenceOperation l:
                        return IsBirthDateName(l.Local.Name);
                    case IParameterReferenceOperation pr:
                        return IsBirthDateName(pr.Parameter.Name);
                    case IInvocationOperation i when i.Instance != null:
                        op = i.Instance.WalkDownConversions();
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>True when any date-typed leaf of a subtraction (or a .Days/.TotalDays over one) is a birth date.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsBirthDateDerived(IOperation operation)
        {
            var op = operation.WalkDownConversions();
            switch (op)
            {
                case IPropertyReferenceOperation p when p.Instance != null && (p.Property.Name == "Days" || p.Property.Name == "TotalDays" || p.Property.Name == "DayNumber"):
                    return IsBirthDateDerived(p.Instance);
                case IBinaryOperation b:
                    return IsBirthDateDerived(b.LeftOperand) || IsBirthDateDerived(b.RightOperand);
                case IInvocationOperation i when i.TargetMethod.Name == "Subtract" && i.Instance != null:
                    return ReadsBirthDate(i.Instance) || (i.Arguments.Length == 1 && ReadsBirthDate(i.Arguments[0].Value));
                // NodaTime: Period.Between(dateOfBirth, asOf, PeriodUnits.Days).
                case IInvocationOperation i when i.TargetMethod.Name == "Between" && IsNodaPeriod(i.TargetMethod.ContainingType):
                    return i.Arguments.Any(a => ReadsBirthDate(a.Value));
                // TimeSpan span = asOf - birthDate; ... span.Days / 365.25m: the local holds the birth-date difference.
                case ILocalReferenceOperation read when !ReadsBirthDate(op) && read.SingleValue(read.Root()) is { } value:
                    return IsBirthDateDerived(value);
                default:
                    return ReadsBirthDate(op);
            }
        }

        /// <summary>
        /// A count of days: .Days/.TotalDays of a TimeSpan, a difference of DayNumber values, a numeric symbol named
        /// ...Days or ...Day (daysRemaining, TermDays, day), or a local that holds one, possibly inside arithmetic.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsDayCount(IOperation operation, WellKnownTypes types)
        {
            var op = operation.WalkDownConversions();
            switch (op)
            {
                case IPropertyReferenceOperation p when p.Instance != null && (p.Property.Name == "Days" || p.Property.Name == "TotalDays"):
                    // A TimeSpan's days, or NodaTime's Period.Days ((asOf - dob).Days, Period.Between(..., PeriodUnits.Days).Days).
                    return WellKnownTypes.Is(p.Instance.Type, types.TimeSpan) || IsNodaPeriod(p.Instance.Type);
                case IBinaryOperation b when b.OperatorKind == BinaryOperatorKind.Subtract && IsDayNumber(b.LeftOperand, types) && IsDayNumber(b.RightOperand, types):
                    return true;
                case IBinaryOperation b when OperationExtensions.IsArithmetic(b.OperatorKind):
                    return IsDayCount(b.LeftOperand, types) || IsDayCount(b.RightOperand, types);
                // var remaining = (expiry - upgrade).Days; ... remaining / 365: the local holds the day count, whatever its name.
                case ILocalReferenceOperation read when read.SingleValue(read.Root()) is { } value && IsDayCount(value, types):
                    return true;
                default:
                    var symbol = op.GetReferencedSymbol();
                    return symbol != null && !(symbol is IMethodSymbol) && IsNumericSymbol(symbol) && NameWords.Split(symbol.Name) is var words && (words.Contains("days") || words.Contains("day"));
            }
        }

        /// <summary>
        /// QG3003's test of a proration by a fixed-length year: a day count (not an age) or money divided by 365/366/360/365.25
        /// (<c>x / 365</c>, <c>x /= 365</c>), or multiplied by 1/365 (<c>x * (1m / 365)</c>). <paramref name="reported"/> is the
        /// operation QG3003 reports. One place, so that QG1006 leaves exactly these literals to QG3003.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsFixedYearProration(IOperation operation, InsuranceContext insurance, out decimal days, out IOperation reported)
        {
            reported = operation;
            if (!operation.TryGetArithmetic(out var kind, out var dividend, out var divisor) ||
                kind != BinaryOperatorKind.Divide || !IsYearLength(divisor, out days))
            {
                days = 0;
                return false;
            }

            if (operation is IBinaryOperation division && dividend.TryGetNumericConstant(out var one) && one == 1m)
            {
                // x * (1 / 365) or x *= 1m / 365: the value being prorated is the other factor of the multiplication.
                switch (division.WalkUpConversions())
                {
                    case IBinaryOperation multiply when multiply.OperatorKind == BinaryOperatorKind.Multiply:
                        dividend = IsSame(multiply.LeftOperand, division) ? multiply.RightOperand : multiply.LeftOperand;
                        reported = multiply;
                        break;
                    case ICompoundAssignmentOperation multiply when multiply.OperatorKind == BinaryOperatorKind.Multiply && IsSame(multiply.Value, division):
                        dividend = multiply.Target;
                        reported = multiply;
                        break;
                    default:
                        return false;
                }
            }

            if (IsDayCount(dividend, insurance.Types))
            {
                return !IsBirthDateDerived(dividend); // an age, not a term: QG3002's finding
            }

            return dividend.GetValueKind(insurance) == ValueKind.Money;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsSame(IOperation candidate, IOperation division) => candidate == division || candidate.WalkDownConversions() == division;

        /// <summary>
        /// True when the value is one of the fixed year lengths (365, 366, 360, 365.25, 365.2425): a constant, or a local that
        /// a literal initializes and nothing writes again (<c>var totalDays = 365; ... / totalDays</c>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsYearLength(IOperation operation, out decimal value)
        {
            if (operation.TryGetNumericConstant(out value))
            {
                return YearLengths.Contains(value);
            }

            // The declaration is looked at before the member is walked: most divisors are not locals holding a literal.
            if (operation.WalkDownConversions() is ILocalReferenceOperation read && read.Local.DeclaringSyntaxReferences.Length == 1 &&
                read.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax } &&
                read.SingleValue(read.Root()) is { } initial && initial.TryGetNumericConstant(out value))
            {
                return YearLengths.Contains(value);
            }

            value = 0;
            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsNodaPeriod(ITypeSymbol? type) => type is { Name: "Period", ContainingNamespace.Name: "NodaTime" };

        [MethodImpl(HotPath.Optimize)]
        private static bool IsDayNumber(IOperation operation, WellKnownTypes types) =>
            operation.WalkDownConversions() is IPropertyReferenceOperation p && p.Property.Name == "DayNumber" && WellKnownTypes.Is(p.Property.ContainingType, types.DateOnly);

        [MethodImpl(HotPath.Optimize)]
        private static bool IsNumericSymbol(ISymbol symbol)
        {
            switch (symbol)
            {
                case ILocalSymbol l: return InsuranceContext.IsNumeric(l.Type);
                case IParameterSymbol p: return InsuranceContext.IsNumeric(p.Type);
                case IFieldSymbol f: return InsuranceContext.IsNumeric(f.Type);
                case IPropertySymbol pr: return InsuranceContext.IsNumeric(pr.Type);
                default: return false;
            }
        }
    }
}
