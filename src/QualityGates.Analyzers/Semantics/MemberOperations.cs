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
        public static IOperation[] Of(ImmutableArray<IOperation> blocks) => Get(blocks).Operations;

        /// <summary>The member's operations with their kinds, for a walk that picks out a few kinds.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static Member Get(ImmutableArray<IOperation> blocks)
        {
            if (blocks.IsEmpty)
            {
                return Member.Empty;
            }

            var entry = Cache.GetOrCreateValue(blocks[0]);
            // Keyed by the first block; the blocks themselves decide (the same first block always comes with the same blocks,
            // but a stale entry would cost a walk, never a wrong answer).
            var member = entry.Member;
            if (member != null && member.Blocks == blocks)
            {
                return member;
            }

            member = Flatten(blocks);
            // Two threads on one member both flatten it; either result is the same.
            entry.Member = member;
            return member;
        }

        /// <summary>Each block and its descendants in Roslyn's order, with the member's body operation before its block.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static Member Flatten(ImmutableArray<IOperation> blocks)
        {
            // One scratch list per thread and arrays of the exact size per member: a list grown per member allocated three
            // times the array, and in a build every allocation's share of the collections is charged to the rule.
            var operations = t_scratch ??= new List<IOperation>();
            try
            {
                AddAll(blocks, operations);
                var kinds = new byte[operations.Count];
                for (var i = 0; i < kinds.Length; i++)
                {
                    kinds[i] = Member.KindKey(operations[i].Kind);
                }

                return new Member(blocks, operations.ToArray(), kinds);
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
            public volatile Member? Member;
        }

        /// <summary>One member's operations in the driver's order, and each one's kind.</summary>
        internal sealed class Member
        {
            public static readonly Member Empty = new Member(ImmutableArray<IOperation>.Empty, System.Array.Empty<IOperation>(), System.Array.Empty<byte>());

            public Member(ImmutableArray<IOperation> blocks, IOperation[] operations, byte[] kinds)
            {
                Blocks = blocks;
                Operations = operations;
                Kinds = kinds;
            }

            public ImmutableArray<IOperation> Blocks { get; }

            public IOperation[] Operations { get; }

            /// <summary>
            /// <see cref="KindKey"/> of each operation's kind: asked once per member here instead of once per rule and
            /// operation through the interface, and a byte per operation, not four.
            /// </summary>
            public byte[] Kinds { get; }

            /// <summary>
            /// The kind as a byte. Every kind this package was built against is below 255; a newer compiler's kinds above
            /// it share 255, which no rule can register.
            /// </summary>
            [MethodImpl(HotPath.Optimize)]
            public static byte KindKey(OperationKind kind) => (uint)kind < byte.MaxValue ? (byte)kind : byte.MaxValue;
        }
    }
}
