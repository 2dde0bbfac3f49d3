using System.Reflection;
using QualityGates.Core.Gate;
using QualityGates.Core.Tests.Support;

namespace QualityGates.Core.Tests.Gate;

public class DocsTests
{
    private static readonly string GateDoc = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "gate.md"));

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (FieldInfo field in typeof(QgbCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

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
        string[] codes = Codes().Select(row => (string)row[0]).ToArray();

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^QGB[0-9]{4}$", code));
    }
}
