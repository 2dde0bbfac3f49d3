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
