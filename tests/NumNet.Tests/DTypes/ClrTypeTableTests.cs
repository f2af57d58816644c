using System.Numerics;
using System.Text.RegularExpressions;
using NumNet.DTypes;

namespace NumNet.Tests.DTypes;

/// <summary>
/// The .NET type → dtype table in docs/api.md is checked against the library: every type a dtype class claims
/// (<see cref="ClrScalarTypes"/>) has a row, each row's <c>np.dtype(typeof(T))</c> is what the library gives, and
/// where the row names one dtype for <c>np.asarray(value)</c>, a value of the type discovers it.
/// </summary>
public sealed partial class ClrTypeTableTests
{
    private sealed record Row(string TypeName, string DTypeOfType, string Discovered);

    // The names the table uses for types, and a value of each for the discovery column.
    private static readonly Dictionary<string, (Type Type, object? Sample)> Types = new()
    {
        ["bool"] = (typeof(bool), true), ["sbyte"] = (typeof(sbyte), (sbyte)1), ["byte"] = (typeof(byte), (byte)1),
        ["short"] = (typeof(short), (short)1), ["ushort"] = (typeof(ushort), (ushort)1), ["int"] = (typeof(int), 1),
        ["uint"] = (typeof(uint), 1u), ["long"] = (typeof(long), 1L), ["ulong"] = (typeof(ulong), 1UL),
        ["nint"] = (typeof(nint), (nint)1), ["nuint"] = (typeof(nuint), (nuint)1), ["Half"] = (typeof(Half), (Half)1),
        ["float"] = (typeof(float), 1f), ["double"] = (typeof(double), 1d), ["LongDouble"] = (typeof(LongDouble), (LongDouble)1),
        ["Complex64"] = (typeof(Complex64), new Complex64(1, 2)), ["Complex"] = (typeof(Complex), new Complex(1, 2)),
        ["Complex256"] = (typeof(Complex256), new Complex256(1, 2)), ["string"] = (typeof(string), "abc"),
        ["char"] = (typeof(char), 'x'), ["Bytes"] = (typeof(Bytes), new Bytes([1, 2])),
        ["DateTime64"] = (typeof(DateTime64), new DateTime64(1, new DateTimeMetadata(DateTimeUnit.Seconds, 1))),
        ["TimeDelta64"] = (typeof(TimeDelta64), new TimeDelta64(1, new DateTimeMetadata(DateTimeUnit.Seconds, 1))),
        ["DateTime"] = (typeof(System.DateTime), new System.DateTime(2001, 2, 3)),
        ["DateTimeOffset"] = (typeof(DateTimeOffset), new DateTimeOffset(2001, 2, 3, 0, 0, 0, TimeSpan.Zero)),
        ["DateOnly"] = (typeof(DateOnly), new DateOnly(2001, 2, 3)), ["TimeSpan"] = (typeof(TimeSpan), TimeSpan.FromSeconds(3)),
        ["BigInteger"] = (typeof(BigInteger), BigInteger.One), ["Int128"] = (typeof(Int128), (Int128)1),
        ["UInt128"] = (typeof(UInt128), (UInt128)1), ["decimal"] = (typeof(decimal), 1.5m),
        ["TimeOnly"] = (typeof(TimeOnly), new TimeOnly(1, 2)), ["Guid"] = (typeof(Guid), Guid.Empty), ["object"] = (typeof(object), null),
    };

    private static List<Row> TableRows()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "api.md"));
        int begin = doc.IndexOf("<!-- clr-types:begin -->", StringComparison.Ordinal);
        int end = doc.IndexOf("<!-- clr-types:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/api.md has no clr-types table");
        var rows = new List<Row>();
        foreach (var line in doc[begin..end].Split('\n'))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
                continue;
            var cells = CellSplit().Split(line.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|")).ToArray();
            rows.Add(new Row(cells[0].Trim('`'), cells[1], cells[2]));
        }
        return rows;
    }

    [Fact]
    public void EveryClaimedTypeHasARow()
    {
        var named = TableRows().Select(r => Types[r.TypeName].Type).ToHashSet();
        foreach (var family in DTypeRegistry.Families)
        {
            foreach (var type in family.Discovery.KnownTypes)
                Assert.True(named.Contains(type), $"docs/api.md's .NET type table has no row for {type}, which {family.Name} claims");
        }
    }

    [Fact]
    public void EveryRowIsWhatTheLibraryDoes()
    {
        var rows = TableRows();
        Assert.True(rows.Count >= Types.Count, "a type of the test's list is missing from the table");
        foreach (var row in rows)
        {
            Assert.True(Types.TryGetValue(row.TypeName, out var known), $"unknown type name {row.TypeName} in the table");
            if (row.DTypeOfType == "refused")
                Assert.Throws<ArgumentException>(() => np.dtype(known.Type));
            else
                Assert.Equal(row.DTypeOfType.Trim('`'), np.dtype(known.Type).ToString());
            // A single dtype in backticks is checked (with the table's note for null); "by value" rows are prose.
            if (SingleDType().Match(row.Discovered) is { Success: true } m)
            {
                using var discovered = np.asarray(known.Sample);
                Assert.Equal(m.Groups[1].Value, discovered.DType.ToString());
            }
        }
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex(@"^`([^`]+)`(?: \(for `null`\))?$")]
    private static partial Regex SingleDType();
}
