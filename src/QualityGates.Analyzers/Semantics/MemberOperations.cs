using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// The operations of one member, in the order the compiler's driver hands them to operation actions, flattened once
    /// and shared by every rule that walks the same member.
    /// </summary>
    /// <remarks>
    /// The driver hands every rule's <see cref="BodyDispatcher"/> the same operation blocks, one rule after the other: one
    /// walk serves them all, and ReportAnalyzer charges it to the first rule that runs on the member. The table is weak:
    /// an entry lives as long as the member's operation tree, so it keeps no compilation alive, in the IDE either.
    /// </remarks>
    internal static class MemberOperations
    {
        private static readonly ConditionalWeakTable<IOperation, Entry> Cache = new ConditionalWeakTable<IOperation, Entry>();

        [System.ThreadStatic]
        private static List<IOperation>? t_scratch;

        [MethodImpl(HotPath.Optimize)]
        public static IOperation[] Of(ImmutableArray<IOperation> blocks)
        {
            if (blocks.IsEmpty)
            {
                return System.Array.Empty<IOperation>();
            }

            var entry = Cache.GetOrCreateValue(blocks[0]);
            // Keyed by the first block; the blocks themselves decide (the same first block always comes with the same blocks,
            // but a stale entry would cost a walk, never a wrong answer).
            var flattened = entry.Flattened;
            if (flattened != null && flattened.Blocks == blocks)
            {
                return flattened.Operations;
            }

            flattened = new Flattened(blocks, Flatten(blocks));
            // Two threads on one member both flatten it; either result is the same.
            entry.Flattened = flattened;
            return flattened.Operations;
        }

        /// <summary>Each block and its descendants in Roslyn's order, with the member's body operation before its block.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static IOperation[] Flatten(ImmutableArray<IOperation> blocks)
        {
            // One scratch list per thread and one array of the exact size per member: a list grown per member allocated
            // three times the array, and in a build every allocation's share of the collections is charged to the rule.
            var operations = t_scratch ??= new List<IOperation>();
            try
            {
                AddAll(blocks, operations);
                return operations.ToArray();
            }
            finally
            {
                // Holds no member's operations between calls.
                operations.Clear();
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void AddAll(ImmutableArray<IOperation> blocks, List<IOperation> operations)
        {
            var bodyRootSeen = false;
            foreach (var block in blocks)
            {
                // The driver also hands operation actions a method's or constructor's body operation, which the operation
                // blocks leave out (they start at its block, expression body or constructor initializer; a primary
                // constructor's base call sits in an implicit statement under it).
                if (!bodyRootSeen && BodyRoot(block) is { } root)
                {
                    bodyRootSeen = true;
                    operations.Add(root);
                }

                operations.Add(block);
                OperationExtensions.AddDescendants(block, operations);
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static IOperation? BodyRoot(IOperation block)
        {
            for (var parent = block.Parent; parent != null; parent = parent.Parent)
            {
                if (parent.Kind == OperationKind.MethodBody || parent.Kind == OperationKind.ConstructorBody)
                {
                    return parent;
                }
            }

            return null;
        }

        private sealed class Entry
        {
            public volatile Flattened? Flattened;
        }

        private sealed class Flattened
        {
            public Flattened(ImmutableArray<IOperation> blocks, IOperation[] operations)
            {
                Blocks = blocks;
                Operations = operations;
            }

            public ImmutableArray<IOperation> Blocks { get; }

            public IOperation[] Operations { get; }
        }
    }
}
