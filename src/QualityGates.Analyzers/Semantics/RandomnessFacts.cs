using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>What reads a random value: QG2009 follows it to a price or decision, QG1006 leaves a threshold on it alone.</summary>
    internal static class RandomnessFacts
    {
        /// <summary>A call that yields a random value: any method of Random (or a subclass) or RandomNumberGenerator, or Guid.NewGuid.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static string? RandomSource(IOperation op, WellKnownTypes types)
        {
            if (!(op is IInvocationOperation invocation))
            {
                return null;
            }

            var method = invocation.TargetMethod;
            for (var type = method.ContainingType; type != null; type = type.BaseType)
            {
                if (WellKnownTypes.Is(type, types.Random) || WellKnownTypes.Is(type, types.RandomNumberGenerator))
                {
                    return type.Name + "." + method.Name;
                }
            }

            return WellKnownTypes.Is(method.ContainingType, types.GuidType) && method.Name == "NewGuid" && IsHashedOrBucketed(invocation) ? "Guid.NewGuid" : null;
        }

        /// <summary>
        /// A new Guid is random only as a number: hashed or turned into bytes (<c>Guid.NewGuid().GetHashCode() % 100</c>),
        /// directly or through the local it is stored in. Kept as a Guid (an aggregate's id, a reference number) it
        /// identifies and decides nothing, even when it is handed to the constructor of a type that holds a decision.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static bool IsHashedOrBucketed(IInvocationOperation newGuid)
        {
            if (IsUsedAsNumber(newGuid))
            {
                return true;
            }

            var local = newGuid.ReceivingLocal();
            if (local == null)
            {
                return false;
            }

            foreach (var reference in newGuid.Root().ReferencesTo(local))
            {
                if (IsUsedAsNumber(reference))
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimize)]
        private static bool IsUsedAsNumber(IOperation guid)
        {
            switch (guid.WalkUpConversions())
            {
                case IInvocationOperation call when call.Instance != null && ReferenceEquals(call.Instance.WalkDownConversions(), guid):
                    var name = call.TargetMethod.Name;
                    return name == "GetHashCode" || name == "ToByteArray" || name == "TryWriteBytes" || name == "CompareTo";
                case IBinaryOperation comparison:
                    return comparison.OperatorKind != BinaryOperatorKind.Equals && comparison.OperatorKind != BinaryOperatorKind.NotEquals;
                default:
                    return false;
            }
        }
    }
}
