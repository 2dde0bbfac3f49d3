using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using QualityGates.Analyzers.Semantics;

namespace QualityGates.Analyzers.Tests.Semantics
{
    /// <summary>
    /// Every rule's dispatcher reads a member's operations from <see cref="MemberOperations"/>: it must give the
    /// driver's operations for the blocks it is handed, never another member's, on any thread, and hold nothing alive.
    /// </summary>
    public class MemberOperationsTests
    {
        private const string Source = """
            class C
            {
                decimal A(decimal p, int age) { var f = age < 25 ? 1.4m : 1m; return p * f; }
                decimal B(decimal p) => p / 12;
                void D() { System.Console.WriteLine("x" + 1); }
                int E(int[] xs) { var s = 0; foreach (var x in xs) { s += x; } return s; }
                decimal F(decimal p) { return System.Math.Round(p, 2); }
            }
            """;

        [Fact]
        public void Get_BodyOperationThenEachBlockAndItsDescendantsInRoslynOrder_WithTheirKinds()
        {
            var blocks = Blocks(Compile(Source)).First();

            var member = MemberOperations.Get(blocks);

            var block = blocks.Single();
            var expected = new[] { block.Parent!, block }.Concat(block.Descendants()).ToArray();
            Assert.Equal(OperationKind.MethodBody, expected[0].Kind);
            Assert.Equal(expected, Operations(member));
            Assert.Equal(expected.Select(o => (byte)o.Kind), member.Kinds.Take(member.Count));
            Assert.True(member.Blocks == blocks);
        }

        [Fact]
        public void Get_IndexByKind_EachKindsOperationsInOrder_AbsentKindsNone()
        {
            foreach (var blocks in Blocks(Compile(Source)))
            {
                var member = MemberOperations.Get(blocks);

                var seen = new System.Collections.Generic.List<int>();
                for (var kind = 0; kind < 256; kind++)
                {
                    var expected = Enumerable.Range(0, member.Count).Where(i => member.Kinds[i] == kind).ToArray();
                    var found = member.TryGetGroup((byte)kind, out var start, out var end);
                    Assert.Equal(expected.Length > 0, found);
                    Assert.Equal(expected, member.ByKind.Skip(start).Take(end - start));
                    seen.AddRange(expected);
                }

                Assert.Equal(Enumerable.Range(0, member.Count), seen.OrderBy(i => i));
            }
        }

        [Fact]
        public void Get_SameBlocksAgain_SameFlattening()
        {
            var blocks = Blocks(Compile(Source)).First();

            Assert.Same(MemberOperations.Get(blocks), MemberOperations.Get(blocks));
        }

        [Fact]
        public void Get_AnotherMemberInBetween_EachGetsItsOwnOperations()
        {
            var all = Blocks(Compile(Source));
            var first = Operations(MemberOperations.Get(all[0]));

            var second = MemberOperations.Get(all[1]);
            Assert.True(second.Blocks == all[1]);
            Assert.DoesNotContain(Operations(second), first.Contains);

            var firstAgain = MemberOperations.Get(all[0]);
            Assert.True(firstAgain.Blocks == all[0]);
            Assert.Equal(first, Operations(firstAgain));
        }

        [Fact]
        public void Get_LargerThenSmallerMember_OnlyTheSmallerOnesOperationsAndKinds()
        {
            var all = Blocks(Compile(Source));
            var larger = all.OrderByDescending(b => Operations(MemberOperations.Get(b)).Length).First();
            var smaller = all.OrderBy(b => Operations(MemberOperations.Get(b)).Length).First();
            var expected = Operations(MemberOperations.Get(smaller));

            MemberOperations.Get(larger);
            var member = MemberOperations.Get(smaller);

            Assert.Equal(expected, Operations(member));
            // The larger member's operations past the end are cleared, and no kind group reaches them.
            Assert.All(member.Operations.Skip(member.Count), o => Assert.Null(o));
            for (var kind = 0; kind < 256; kind++)
            {
                if (member.TryGetGroup((byte)kind, out var start, out var end))
                {
                    Assert.All(member.ByKind.Skip(start).Take(end - start), i => Assert.InRange(i, 0, member.Count - 1));
                }
            }
        }

        [Fact]
        public void Get_WhilePinned_AnotherMemberNeverOverwritesThePinnedOne()
        {
            var all = Blocks(Compile(Source));
            var pinned = MemberOperations.Get(all[0]);
            var expected = Operations(pinned);

            using (pinned.Pin())
            {
                var other = MemberOperations.Get(all[1]);

                Assert.NotSame(pinned, other);
                Assert.True(other.Blocks == all[1]);
                Assert.True(pinned.Blocks == all[0]);
                Assert.Equal(expected, Operations(pinned));
            }

            Assert.False(pinned.IsPinned);
        }

        [Fact]
        public void Get_ManyThreadsOnInterleavedMembers_NeverAnotherMembersOperations()
        {
            var all = Blocks(Compile(Source));
            var expected = all.Select(b => Operations(MemberOperations.Get(b))).ToArray();

            Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                var index = (i * 7) % all.Length;
                var member = MemberOperations.Get(all[index]);
                Assert.True(member.Blocks == all[index]);
                Assert.Equal(expected[index], Operations(member));
            });
        }

        [Fact]
        public void Get_KeepsNoCompilationAlive()
        {
            var compilation = FlattenAndForget();

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            Assert.False(compilation.IsAlive, "the per-thread cache must not hold a member's operations, and through them its compilation");
        }

        [Fact]
        public void Get_NoBlocks_Empty()
        {
            var member = MemberOperations.Get(ImmutableArray<IOperation>.Empty);

            Assert.Equal(0, member.Count);
            Assert.Empty(Operations(member));
        }

        [Theory]
        [InlineData(OperationKind.None, 0)]
        [InlineData(OperationKind.Invocation, (int)OperationKind.Invocation)]
        [InlineData((OperationKind)254, 254)]
        [InlineData((OperationKind)255, 255)]
        [InlineData((OperationKind)300, 255)]
        public void KindKey_KindsBelow255AsThemselves_NewerKindsShare255(OperationKind kind, int expected)
        {
            Assert.Equal((byte)expected, MemberOperations.Member.KindKey(kind));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference FlattenAndForget()
        {
            var compilation = Compile(Source);
            foreach (var blocks in Blocks(compilation))
            {
                Assert.NotEmpty(Operations(MemberOperations.Get(blocks)));
            }

            return new WeakReference(compilation);
        }

        private static IOperation[] Operations(MemberOperations.Member member) => member.Operations.Take(member.Count).ToArray();

        private static CSharpCompilation Compile(string source) =>
            CSharpCompilation.Create("Members", new[] { CSharpSyntaxTree.ParseText(source) }, Basic.Reference.Assemblies.Net80.References.All);

        /// <summary>Each method's operation blocks as the driver hands them over: its block body or its expression body.</summary>
        private static ImmutableArray<IOperation>[] Blocks(CSharpCompilation compilation)
        {
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            return tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Select(m => ImmutableArray.Create(model.GetOperation((SyntaxNode?)m.Body ?? m.ExpressionBody!)!))
                .ToArray();
        }
    }
}
