using System;
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
    /// The driver runs the analyzers' operation-block actions on one member one after the other on the same thread, and
    /// hands each the same operation blocks: a per-thread "last member" serves them all with one walk, charged by
    /// ReportAnalyzer to the first rule on the member (95 % of the calls hit in a concurrent run of the bench's project).
    /// It replaced a <see cref="ConditionalWeakTable{TKey, TValue}"/> keyed by the first block, which took a lock and a
    /// dependent handle per member; csc builds with it took more CPU in five of six alternating rounds
    /// (docs/performance.md). The reference is weak, so a thread keeps no member, and through it no compilation, alive
    /// (in the IDE either); a collection between two rules costs a second walk, never a wrong answer.
    /// </remarks>
    internal static class MemberOperations
    {
        [ThreadStatic]
        private static WeakReference<Member>? t_last;

        [ThreadStatic]
        private static List<IOperation>? t_scratch;

        [ThreadStatic]
        private static int[]? t_counts;

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

            var last = t_last ??= new WeakReference<Member>(null!);
            if (last.TryGetTarget(out var member) && member.Blocks == blocks)
            {
                return member;
            }

            member = Flatten(blocks);
            last.SetTarget(member);
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

                var (order, groupKinds, groupStarts) = GroupByKind(kinds);
                return new Member(blocks, operations.ToArray(), kinds, order, groupKinds, groupStarts);
            }
            finally
            {
                // Holds no member's operations between calls.
                operations.Clear();
            }
        }

        /// <summary>A counting sort of the operations' indices by kind, each kind's indices kept in the driver's order.</summary>
        [MethodImpl(HotPath.Optimize)]
        private static (int[] Order, byte[] GroupKinds, int[] GroupStarts) GroupByKind(byte[] kinds)
        {
            var counts = t_counts ??= new int[256];
            var groups = 0;
            foreach (var kind in kinds)
            {
                if (counts[kind]++ == 0)
                {
                    groups++;
                }
            }

            var groupKinds = new byte[groups];
            var groupStarts = new int[groups + 1];
            for (int kind = 0, group = 0, start = 0; group < groups; kind++)
            {
                if (counts[kind] != 0)
                {
                    groupKinds[group] = (byte)kind;
                    groupStarts[group] = start;
                    start += counts[kind];
                    // From here on the kind's next free slot in the order.
                    counts[kind] = groupStarts[group];
                    group++;
                }
            }

            groupStarts[groups] = kinds.Length;
            var order = new int[kinds.Length];
            for (var i = 0; i < kinds.Length; i++)
            {
                order[counts[kinds[i]]++] = i;
            }

            foreach (var kind in groupKinds)
            {
                counts[kind] = 0;
            }

            return (order, groupKinds, groupStarts);
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

        /// <summary>One member's operations in the driver's order, and each one's kind.</summary>
        internal sealed class Member
        {
            public static readonly Member Empty = new Member(
                ImmutableArray<IOperation>.Empty, Array.Empty<IOperation>(), Array.Empty<byte>(), Array.Empty<int>(), Array.Empty<byte>(), new int[1]);

            private readonly byte[] _groupKinds;

            /// <summary>Where each kind's group starts in <see cref="ByKind"/>; the last entry is the end of the last group.</summary>
            private readonly int[] _groupStarts;

            public Member(ImmutableArray<IOperation> blocks, IOperation[] operations, byte[] kinds, int[] byKind, byte[] groupKinds, int[] groupStarts)
            {
                Blocks = blocks;
                Operations = operations;
                Kinds = kinds;
                ByKind = byKind;
                _groupKinds = groupKinds;
                _groupStarts = groupStarts;
            }

            public ImmutableArray<IOperation> Blocks { get; }

            public IOperation[] Operations { get; }

            /// <summary>
            /// <see cref="KindKey"/> of each operation's kind: asked once per member here instead of once per rule and
            /// operation through the interface, and a byte per operation, not four.
            /// </summary>
            public byte[] Kinds { get; }

            /// <summary>
            /// Indices into <see cref="Operations"/> grouped by kind, each group in the driver's order: a rule walks its own
            /// kinds' groups instead of testing every operation of the member (<see cref="TryGetGroup"/>).
            /// </summary>
            public int[] ByKind { get; }

            /// <summary>Where the operations of <paramref name="kind"/> lie in <see cref="ByKind"/>; false when the member has none.</summary>
            [MethodImpl(HotPath.Optimize)]
            public bool TryGetGroup(byte kind, out int start, out int end)
            {
                var group = Array.BinarySearch(_groupKinds, kind);
                if (group < 0)
                {
                    start = end = 0;
                    return false;
                }

                start = _groupStarts[group];
                end = _groupStarts[group + 1];
                return true;
            }

            /// <summary>
            /// The kind as a byte. Every kind this package was built against is below 255; a newer compiler's kinds above
            /// it share 255, which no rule can register.
            /// </summary>
            [MethodImpl(HotPath.Optimize)]
            public static byte KindKey(OperationKind kind) => (uint)kind < byte.MaxValue ? (byte)kind : byte.MaxValue;
        }
    }
}
