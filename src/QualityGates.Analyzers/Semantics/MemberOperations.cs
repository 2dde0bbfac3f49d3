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

        /// <summary>
        /// The member's operations with their kinds. Valid until the thread asks for another member, unless pinned
        /// (<see cref="Member.Pin"/>): the next member is flattened into the same buffers.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static Member Get(ImmutableArray<IOperation> blocks)
        {
            if (blocks.IsEmpty)
            {
                return Member.Empty;
            }

            var last = t_last ??= new WeakReference<Member>(null!);
            if (last.TryGetTarget(out var member))
            {
                if (member.Blocks == blocks)
                {
                    return member;
                }

                if (member.IsPinned)
                {
                    // Something on this thread is still walking the previous member: never write over it.
                    var own = new Member();
                    Flatten(blocks, own);
                    return own;
                }
            }
            else
            {
                member = new Member();
                last.SetTarget(member);
            }

            Flatten(blocks, member);
            return member;
        }

        /// <summary>Each block and its descendants in Roslyn's order, with the member's body operation before its block.</summary>
        /// <remarks>
        /// Into the thread's member's buffers, grown as needed: arrays of the exact size per member were 19 MB of the bench's
        /// garbage, and the collections they set off were charged to whichever rule flattened (docs/performance.md).
        /// </remarks>
        [MethodImpl(HotPath.Optimize)]
        private static void Flatten(ImmutableArray<IOperation> blocks, Member member)
        {
            var operations = t_scratch ??= new List<IOperation>();
            try
            {
                AddAll(blocks, operations);
                member.Fill(blocks, operations, t_counts ??= new int[256]);
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
        /// <remarks>The arrays are buffers: only their first <see cref="Count"/> entries are the member's.</remarks>
        internal sealed class Member
        {
            public static readonly Member Empty = new Member();

            private IOperation[] _operations = Array.Empty<IOperation>();
            private byte[] _kinds = Array.Empty<byte>();
            private int[] _byKind = Array.Empty<int>();

            // At most one group per byte kind.
            private readonly byte[] _groupKinds = new byte[256];

            /// <summary>Where each kind's group starts in <see cref="ByKind"/>; the entry after the last group is its end.</summary>
            private readonly int[] _groupStarts = new int[257];
            private int _groups;
            private int _pins;

            public ImmutableArray<IOperation> Blocks { get; private set; } = ImmutableArray<IOperation>.Empty;

            public int Count { get; private set; }

            public IOperation[] Operations => _operations;

            /// <summary>
            /// <see cref="KindKey"/> of each operation's kind: asked once per member here instead of once per rule and
            /// operation through the interface, and a byte per operation, not four.
            /// </summary>
            public byte[] Kinds => _kinds;

            /// <summary>
            /// Indices into <see cref="Operations"/> grouped by kind, each group in the driver's order: a rule walks its own
            /// kinds' groups instead of testing every operation of the member (<see cref="TryGetGroup"/>).
            /// </summary>
            public int[] ByKind => _byKind;

            public bool IsPinned => _pins > 0;

            /// <summary>Keeps this member's operations from being overwritten by the next member's on this thread.</summary>
            public Pinned Pin()
            {
                _pins++;
                return new Pinned(this);
            }

            /// <summary>Where the operations of <paramref name="kind"/> lie in <see cref="ByKind"/>; false when the member has none.</summary>
            [MethodImpl(HotPath.Optimize)]
            public bool TryGetGroup(byte kind, out int start, out int end)
            {
                var group = Array.BinarySearch(_groupKinds, 0, _groups, kind);
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

            [MethodImpl(HotPath.Optimize)]
            internal void Fill(ImmutableArray<IOperation> blocks, List<IOperation> operations, int[] counts)
            {
                var count = operations.Count;
                if (_operations.Length < count)
                {
                    var size = Math.Max(count, _operations.Length * 2);
                    _operations = new IOperation[size];
                    _kinds = new byte[size];
                    _byKind = new int[size];
                }
                else if (count < Count)
                {
                    // The previous member's operations past the end would keep its syntax tree alive as long as this member.
                    Array.Clear(_operations, count, Count - count);
                }

                operations.CopyTo(_operations);
                for (var i = 0; i < count; i++)
                {
                    _kinds[i] = KindKey(_operations[i].Kind);
                }

                Blocks = blocks;
                Count = count;
                GroupByKind(counts);
            }

            /// <summary>A counting sort of the operations' indices by kind, each kind's indices kept in the driver's order.</summary>
            [MethodImpl(HotPath.Optimize)]
            private void GroupByKind(int[] counts)
            {
                var kinds = _kinds;
                var count = Count;
                var groups = 0;
                for (var i = 0; i < count; i++)
                {
                    if (counts[kinds[i]]++ == 0)
                    {
                        groups++;
                    }
                }

                for (int kind = 0, group = 0, start = 0; group < groups; kind++)
                {
                    if (counts[kind] != 0)
                    {
                        _groupKinds[group] = (byte)kind;
                        _groupStarts[group] = start;
                        start += counts[kind];
                        // From here on the kind's next free slot in the order.
                        counts[kind] = _groupStarts[group];
                        group++;
                    }
                }

                _groupStarts[groups] = count;
                _groups = groups;
                for (var i = 0; i < count; i++)
                {
                    _byKind[counts[kinds[i]]++] = i;
                }

                for (var group = 0; group < groups; group++)
                {
                    counts[_groupKinds[group]] = 0;
                }
            }

            /// <summary>A pin on a member, released by <see cref="Dispose"/>.</summary>
            internal readonly struct Pinned : IDisposable
            {
                private readonly Member _member;

                public Pinned(Member member) => _member = member;

                public void Dispose() => _member._pins--;
            }
        }
    }
}
