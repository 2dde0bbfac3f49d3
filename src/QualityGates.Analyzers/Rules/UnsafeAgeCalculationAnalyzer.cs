using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Rules
{
    /// <summary>
    /// QG3002: asOf.Year - dob.Year with no birthday adjustment in the method, (asOf - dob).Days / 365(.25), and
    /// new DateTime(year, dob.Month, dob.Day), in pricing or underwriting scope.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnsafeAgeCalculationAnalyzer : InsuranceAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnsafeAgeCalculation);

        protected override void OnCompilationStart(CompilationStartAnalysisContext context, InsuranceContext insurance) =>
            RegisterMemberAction(context, insurance, Analyze);

        /// <summary>
        /// One pass over the member's operations. Year differences wait for the end of the member: a later month/day
        /// comparison makes them correct.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void Analyze(OperationBlockAnalysisContext block, WellKnownTypes types)
        {
            List<IBinaryOperation>? yearDifferences = null;
            List<int>? adjustments = null;

            var member = MemberOperations.Get(block.OperationBlocks);
            using var pin = member.Pin();
            for (var index = 0; index < member.Count; index++)
            {
                var operation = member.Operations[index];
                switch ((OperationKind)member.Kinds[index])
                {
                    case OperationKind.Binary:
                        var binary = (IBinaryOperation)operation;
                        if (binary.OperatorKind == BinaryOperatorKind.Subtract && IsYearOf(binary.LeftOperand, types) && IsYearOf(binary.RightOperand, types) &&
                            (DateTimeFacts.ReadsBirthDate(YearInstance(binary.LeftOperand)) || DateTimeFacts.ReadsBirthDate(YearInstance(binary.RightOperand))))
                        {
                            (yearDifferences ??= new List<IBinaryOperation>()).Add(binary);
                        }
                        else if (binary.OperatorKind == BinaryOperatorKind.Divide && DateTimeFacts.IsYearLength(binary.RightOperand, out var days) &&
                                 DateTimeFacts.IsDayCount(binary.LeftOperand, types) && DateTimeFacts.IsBirthDateDerived(binary.LeftOperand))
                        {
                            Report(block, binary, "'" + binary.Syntax + "' approximates an age by dividing days by " + days.ToString(CultureInfo.InvariantCulture) + "; leap years make it wrong around the birthday, compute age last or nearest birthday from the dates");
                        }
                        else if (IsDateComparison(binary, types))
                        {
                            AddAdjustment(ref adjustments, binary);
                        }
                        else if (IsBirthDayOfYearComparison(binary, types))
                        {
                            // It adjusts the year difference (the adjustment is read below, as .DayOfYear), but wrongly.
                            Report(block, binary, "'" + binary.Syntax + "' compares days of the year, which differ by one after 28 February when only one of the two years is a leap year; compare month and day, or use the birth date's AddYears");
                        }

                        break;
                    case OperationKind.PropertyReference:
                        var reference = (IPropertyReferenceOperation)operation;
                        if ((reference.Property.Name == "Month" || reference.Property.Name == "Day" || reference.Property.Name == "DayOfYear") &&
                            IsDate(reference.Property.ContainingType, types))
                        {
                            AddAdjustment(ref adjustments, reference);
                        }

                        break;
                    case OperationKind.Invocation:
                        var invocation = (IInvocationOperation)operation;
                        if ((invocation.TargetMethod.Name == "AddYears" || invocation.TargetMethod.Name == "PlusYears") && IsDate(invocation.TargetMethod.ContainingType, types))
                        {
                            AddAdjustment(ref adjustments, invocation);
                        }

                        break;
                    case OperationKind.ObjectCreation:
                        var creation = (IObjectCreationOperation)operation;
                        if (IsDate(creation.Type, types) && creation.Arguments.Length >= 3 &&
                            IsBirthDatePart(creation.Arguments[1].Value, "Month") && IsBirthDatePart(creation.Arguments[2].Value, "Day") &&
                            !IsBirthDatePart(creation.Arguments[0].Value, "Year"))
                        {
                            Report(block, creation, "'" + creation.Syntax + "' throws for a 29 February birth date in a non-leap year; use the birth date's AddYears");
                        }

                        break;
                }
            }

            foreach (var difference in yearDifferences ?? Enumerable.Empty<IBinaryOperation>())
            {
                if (adjustments?.Any(position => position > difference.Syntax.SpanStart) != true)
                {
                    Report(block, difference, "'" + difference.Syntax + "' counts calendar years and is a year too high before the birthday; compare month and day or use one age helper (last or nearest birthday)");
                }
            }
        }

        /// <summary><c>today.DayOfYear &lt; dob.DayOfYear</c>: a birthday test by day of the year.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsBirthDayOfYearComparison(IBinaryOperation comparison, WellKnownTypes types) =>
            PricingSemantics.IsComparison(comparison.OperatorKind) && comparison.OperatorKind != BinaryOperatorKind.Equals && comparison.OperatorKind != BinaryOperatorKind.NotEquals &&
            DayOfYearOf(comparison.LeftOperand, types) is { } left && DayOfYearOf(comparison.RightOperand, types) is { } right &&
            (DateTimeFacts.ReadsBirthDate(left) || DateTimeFacts.ReadsBirthDate(right));

        [MethodImpl(HotPath.Optimize)]
        private static IOperation? DayOfYearOf(IOperation operand, WellKnownTypes types) =>
            operand.WalkDownConversions() is IPropertyReferenceOperation { Property.Name: "DayOfYear", Instance: { } date } p && IsDate(p.Property.ContainingType, types) ? date : null;

        [MethodImpl(HotPath.Optimize)]
        private static void AddAdjustment(ref List<int>? adjustments, IOperation operation) =>
            (adjustments ??= new List<int>()).Add(operation.Syntax.SpanStart);

        [MethodImpl(HotPath.Optimize)]
        private static void Report(in OperationBlockAnalysisContext block, IOperation operation, string message) =>
            block.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsafeAgeCalculation, operation.Syntax.GetLocation(), message));

        [MethodImpl(HotPath.Optimize)]
        private static bool IsYearOf(IOperation operation, WellKnownTypes types) =>
            operation.WalkDownConversions() is IPropertyReferenceOperation p && p.Property.Name == "Year" && p.Instance != null && IsDate(p.Property.ContainingType, types);

        /// <summary>
        /// DateTime, DateOnly, DateTimeOffset, or a calendar date of another library or the team's own (NodaTime's LocalDate,
        /// a hand-written LocalDate record): a type with int Year, Month and Day properties.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsDate(ITypeSymbol? type, WellKnownTypes types)
        {
            if (DateTimeFacts.IsDateType(type, types))
            {
                return true;
            }

            if (type == null || type.SpecialType != SpecialType.None)
            {
                return false;
            }

            type = InsuranceContext.UnwrapNullable(type);
            return HasIntProperty(type, "Year") && HasIntProperty(type, "Month") && HasIntProperty(type, "Day");
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool HasIntProperty(ITypeSymbol type, string name)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false } property && property.Type.SpecialType == SpecialType.System_Int32)
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static IOperation? YearInstance(IOperation operation) => (operation.WalkDownConversions() as IPropertyReferenceOperation)?.Instance;

        [MethodImpl(HotPath.Optimize)]
        private static bool IsBirthDatePart(IOperation operation, string part) =>
            operation.WalkDownConversions() is IPropertyReferenceOperation p && p.Property.Name == part && DateTimeFacts.ReadsBirthDate(p.Instance);

        [MethodImpl(HotPath.Optimize)]
        private static bool IsDateComparison(IBinaryOperation binary, WellKnownTypes types)
        {
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.LessThan:
                case BinaryOperatorKind.LessThanOrEqual:
                case BinaryOperatorKind.GreaterThan:
                case BinaryOperatorKind.GreaterThanOrEqual:
                    // A comparison of two dates adjusts an age only when one of them is the birth date (or a date made from it):
                    // effectiveDate < today says nothing about the birthday.
                    return IsDate(binary.LeftOperand.WalkDownConversions().Type, types) && IsDate(binary.RightOperand.WalkDownConversions().Type, types) &&
                        (DateTimeFacts.ReadsBirthDate(binary.LeftOperand) || DateTimeFacts.ReadsBirthDate(binary.RightOperand));
                default:
                    return false;
            }
        }
    }
}
