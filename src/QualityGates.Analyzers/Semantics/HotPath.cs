using System.Runtime.CompilerServices;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// <c>[MethodImpl(HotPath.Optimize)]</c> on the code every operation of pricing code runs through. A build jits our
    /// methods while csc keeps jitting its own, and the runtime postpones promoting code out of its unoptimized first tier
    /// for as long as new code keeps being jitted: in a build our hot paths ran unoptimized throughout, at two to three
    /// times their optimized cost (docs/performance.md). These methods are compiled optimized on their first call instead.
    /// </summary>
    internal static class HotPath
    {
        /// <summary>MethodImplOptions.AggressiveOptimization (.NET Core 3.0+), which netstandard2.0 does not name; .NET Framework ignores it.</summary>
        public const MethodImplOptions Optimize = (MethodImplOptions)512;
    }
}
