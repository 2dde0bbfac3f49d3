using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QualityGates.Analyzers.Semantics
{
    /// <summary>
    /// One rule's operation, operation-block-start and operation-block actions, run from a single operation-block action
    /// per member, in the driver's order: the operation actions on each operation of the member (as the driver hands them
    /// out, <see cref="MemberOperations"/>), with those a block start registered for this member, then the operation-block
    /// actions, then the block-end actions.
    /// </summary>
    /// <remarks>
    /// The driver, given operation actions, calls each one for every operation of its kind in every member, in scope or
    /// not, and builds an action table per member and rule for block starts. Here an out-of-scope member costs one call per
    /// rule, and an in-scope one a lookup per kind the rule registered (the member's operations are indexed by kind once,
    /// <see cref="MemberOperations.Member.TryGetGroup"/>): in five parallel csc runs of the bench's project, 0.7-5.1 s
    /// less wall and 1-10 s less CPU per build (docs/performance.md). The operation contexts built here have no
    /// control-flow-graph provider: a rule that needs a graph takes it from an operation-block action
    /// (<see cref="OperationBlockAnalysisContext.GetControlFlowGraph(IOperation)"/>).
    /// </remarks>
    internal sealed class BodyDispatcher
    {
        private readonly OperationTable _operationActions = new OperationTable();
        private readonly List<Action<OperationBlockStartAnalysisContext>> _blockStartActions = new List<Action<OperationBlockStartAnalysisContext>>();
        private readonly List<Action<OperationBlockAnalysisContext>> _blockActions = new List<Action<OperationBlockAnalysisContext>>();

        public bool IsEmpty => _operationActions.IsEmpty && _blockStartActions.Count == 0 && _blockActions.Count == 0;

        public void Add(Action<OperationContext> action, ImmutableArray<OperationKind> kinds) => _operationActions.Add(action, kinds);

        /// <summary>An action registered the compiler's way: handed an <see cref="OperationAnalysisContext"/> built per call.</summary>
        public void Add(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds) => _operationActions.Add(Adapt(action), kinds);

        private static Action<OperationContext> Adapt(Action<OperationAnalysisContext> action) => [MethodImpl(HotPath.Optimize)] (c) => action(c.ToAnalysisContext());

        public void Add(Action<OperationBlockStartAnalysisContext> action) => _blockStartActions.Add(action);

        public void Add(Action<OperationBlockAnalysisContext> action) => _blockActions.Add(action);

        [MethodImpl(HotPath.Optimize)]
        public void Run(OperationBlockAnalysisContext context)
        {
            BlockStart? start = null;
            if (_blockStartActions.Count > 0)
            {
                start = new BlockStart(context);
                foreach (var action in _blockStartActions)
                {
                    action(start);
                }
            }

            var memberActions = start?.OperationActions;
            if (!_operationActions.IsEmpty || memberActions != null)
            {
                var reporter = Reporter.Enter(context);
                try
                {
                    var member = MemberOperations.Get(context.OperationBlocks);
                    using var pin = member.Pin();
                    if (memberActions == null)
                    {
                        DispatchByKind(member, _operationActions, context, reporter.Report);
                    }
                    else
                    {
                        var operations = member.Operations;
                        var kinds = member.Kinds;
                        for (var i = 0; i < member.Count; i++)
                        {
                            if (_operationActions.TryGet(kinds[i], out var actions))
                            {
                                Dispatch(operations[i], actions, context, reporter.Report);
                            }

                            if (memberActions.TryGet(kinds[i], out actions))
                            {
                                Dispatch(operations[i], actions, context, reporter.Report);
                            }
                        }
                    }
                }
                finally
                {
                    reporter.Exit();
                }
            }

            foreach (var action in _blockActions)
            {
                action(context);
            }

            if (start?.EndActions is { } endActions)
            {
                foreach (var action in endActions)
                {
                    action(context);
                }
            }
        }

        /// <summary>
        /// Runs the table's actions on the member's operations of the table's kinds only, in the driver's order: a rule
        /// registered for two kinds no longer tests every operation of the member (the loop over all of them was a sixth of
        /// our CPU in a build, docs/performance.md).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private static void DispatchByKind(MemberOperations.Member member, OperationTable table, in OperationBlockAnalysisContext context, Action<Diagnostic> report)
        {
            var registered = table.Kinds;
            var operations = member.Operations;
            var order = member.ByKind;

            // The kinds' groups merged back into the member's order, as the driver would hand them out.
            Span<int> next = stackalloc int[registered.Length];
            Span<int> ends = stackalloc int[registered.Length];
            Span<byte> kinds = stackalloc byte[registered.Length];
            var count = 0;
            foreach (var kind in registered)
            {
                if (member.TryGetGroup(kind, out var start, out var end))
                {
                    next[count] = start;
                    ends[count] = end;
                    kinds[count] = kind;
                    count++;
                }
            }

            while (count > 0)
            {
                var earliest = 0;
                for (var c = 1; c < count; c++)
                {
                    if (order[next[c]] < order[next[earliest]])
                    {
                        earliest = c;
                    }
                }

                table.TryGet(kinds[earliest], out var actions);
                Dispatch(operations[order[next[earliest]]], actions, context, report);
                if (++next[earliest] == ends[earliest])
                {
                    count--;
                    next[earliest] = next[count];
                    ends[earliest] = ends[count];
                    kinds[earliest] = kinds[count];
                }
            }
        }

        [MethodImpl(HotPath.Optimize)]
        private static void Dispatch(IOperation operation, Action<OperationContext>[] actions, in OperationBlockAnalysisContext context, Action<Diagnostic> report)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var operationContext = new OperationContext(operation, context.OwningSymbol, context.Compilation, context.Options, report, context.CancellationToken);
            foreach (var action in actions)
            {
                action(operationContext);
            }
        }

        /// <summary>Operation actions by kind: an array indexed by <see cref="OperationKind"/>, null where none is registered.</summary>
        private sealed class OperationTable
        {
            private Action<OperationContext>[]?[] _byKind = Array.Empty<Action<OperationContext>[]?>();

            public bool IsEmpty => _byKind.Length == 0;

            /// <summary>The kinds with actions, ascending.</summary>
            public byte[] Kinds { get; private set; } = Array.Empty<byte>();

            public void Add(Action<OperationContext> action, ImmutableArray<OperationKind> kinds)
            {
                foreach (var kind in kinds)
                {
                    var index = MemberOperations.Member.KindKey(kind);
                    if (index == byte.MaxValue)
                    {
                        throw new ArgumentOutOfRangeException(nameof(kinds), kind, "Not an operation kind this package was built against.");
                    }

                    if (index >= _byKind.Length)
                    {
                        Array.Resize(ref _byKind, index + 1);
                    }

                    if (_byKind[index] == null)
                    {
                        var registered = Kinds;
                        Array.Resize(ref registered, registered.Length + 1);
                        registered[registered.Length - 1] = index;
                        Array.Sort(registered);
                        Kinds = registered;
                    }

                    var actions = _byKind[index] ?? Array.Empty<Action<OperationContext>>();
                    Array.Resize(ref actions, actions.Length + 1);
                    actions[actions.Length - 1] = action;
                    _byKind[index] = actions;
                }
            }

            [MethodImpl(HotPath.Optimize)]
            public bool TryGet(byte kind, out Action<OperationContext>[] actions)
            {
                actions = kind < _byKind.Length ? _byKind[kind]! : null!;
                return actions != null;
            }
        }

        /// <summary>
        /// Reports an operation action's findings through the block's context, which checks the descriptor is the rule's and
        /// counts the finding as local to the member.
        /// </summary>
        /// <remarks>
        /// One per thread, pointed at the member being dispatched: a delegate bound to the block's context (a struct) boxed
        /// it, two allocations per member and rule.
        /// </remarks>
        private sealed class Reporter
        {
            [ThreadStatic]
            private static Reporter? t_current;

            private OperationBlockAnalysisContext _context;
            private int _depth;

            private Reporter() => Report = ReportToBlock;

            public Action<Diagnostic> Report { get; }

            [MethodImpl(HotPath.Optimize)]
            public static Reporter Enter(in OperationBlockAnalysisContext context)
            {
                var reporter = t_current;
                if (reporter == null || reporter._depth > 0)
                {
                    // A dispatch inside a dispatch (a rule that analyses through another rule) gets its own.
                    reporter = new Reporter();
                    if (t_current == null)
                    {
                        t_current = reporter;
                    }
                }

                reporter._context = context;
                reporter._depth++;
                return reporter;
            }

            [MethodImpl(HotPath.Optimize)]
            public void Exit()
            {
                _depth--;
                // Keeps no member, and through it no compilation, alive between calls.
                _context = default;
            }

            private void ReportToBlock(Diagnostic diagnostic)
            {
                if (_depth == 0)
                {
                    throw new InvalidOperationException("A rule reported a finding after its operation action returned.");
                }

                _context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>What a rule's block start registers for one member.</summary>
        private sealed class BlockStart : OperationBlockStartAnalysisContext
        {
#pragma warning disable CS0618 // as for the operation context above
            public BlockStart(OperationBlockAnalysisContext context)
                : base(context.OperationBlocks, context.OwningSymbol, context.Compilation, context.Options, context.CancellationToken)
            {
            }
#pragma warning restore CS0618

            public OperationTable? OperationActions { get; private set; }

            public List<Action<OperationBlockAnalysisContext>>? EndActions { get; private set; }

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                (OperationActions ??= new OperationTable()).Add(Adapt(action), operationKinds);

            public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) =>
                (EndActions ??= new List<Action<OperationBlockAnalysisContext>>()).Add(action);
        }
    }
}
