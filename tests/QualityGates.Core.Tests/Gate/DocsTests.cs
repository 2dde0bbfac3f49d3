using System.Reflection;
using QualityGates.Core.Gate;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

public class DocsTests
{
    private static readonly string GateDoc = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "gate.md"));

    private static string[] AllCodes() =>
        typeof(QgbCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();

    public static TheoryData<string> Codes() => new(AllCodes());

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryQgbCode_HasARowInGateDoc(string code) =>
        Assert.Contains("| " + code + " |", GateDoc, StringComparison.Ordinal);

    [Fact]
    public void EveryCondition_HasARowInGateDoc()
    {
        foreach (string id in ConditionIds.All)
        {
            Assert.Contains("| `" + id + "` |", GateDoc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void QgbCodes_AreUniqueAndWellFormed()
    {
        string[] codes = AllCodes();

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^QGB[0-9]{4}$", code));
    }
}
