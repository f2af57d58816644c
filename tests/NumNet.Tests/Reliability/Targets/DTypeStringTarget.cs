using System.Text;
using System.Text.Json;
using NumNet.Tests.Reliability.Fuzzing;

namespace NumNet.Tests.Reliability.Targets;

/// <summary>
/// <c>np.dtype(string)</c>: mutations of valid spellings, random characters (lone surrogates and NULs included) and
/// long strings (huge sizes, deep brackets, long unit multipliers). An accepted spelling must print as a string that
/// parses back to an equal dtype, as NumPy's <c>np.dtype(str(d)) == d</c> does.
/// </summary>
internal sealed class DTypeStringTarget : FuzzTarget<string>
{
    /// <summary>Valid seeds: every family, byte order, size form and datetime unit.</summary>
    internal static readonly string[] Valid =
    [
        "?", "b1", "bool", "i1", "<i2", ">i4", "=i8", "|u1", "u2", "<u4", ">u8", "int8", "int16", "int32", "int64",
        "uint8", "uint64", "intp", "uintp", "int", "uint", "long", "ulong", "byte", "ubyte", "short", "ushort", "intc",
        "uintc", "longlong", "ulonglong", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "p", "P",
        "e", "f", "d", "g", "f2", "<f4", ">f8", "f16", "half", "single", "double", "float", "longdouble", "float16",
        "float32", "float64", "float128", "F", "D", "G", "c8", "<c16", ">c32", "complex", "complex64", "complex128",
        "complex256", "csingle", "cdouble", "clongdouble", "O", "object", "object_", "|O", "S", "S0", "S1", "|S10",
        "bytes", "bytes_", "U", "U0", "<U5", ">U12", "str", "str_", "V", "V8", "|V16", "void",
        "M", "M8", "M8[ns]", "<M8[us]", ">M8[D]", "M8[25s]", "M8[generic]", "datetime64", "datetime64[Y]",
        "datetime64[7W]", "m", "m8", "m8[ps]", "<m8[fs]", "m8[as]", "timedelta64[h]", "timedelta64[3m]", "m8[B]",
    ];

    private const string Interesting = "[]<>|=!^@0123456789 ,-+x_.:;()\0\t\n\u00e9\u00ff\uffff\ud800\udc00/\\'\"";

    private static readonly System.Buffers.SearchValues<char> PrintableOrSpace =
        System.Buffers.SearchValues.Create("\t\n\v\f\r" + string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));

    public override string Name => "dtype";

    public override long CiInputs => 10_000;

    public override string Generate(Random rng)
    {
        switch (rng.Next(20))
        {
            case < 5:
                return Pick(rng);
            case 5:
                return RandomChars(rng, rng.Next(0, 12));
            case 6:
                return LongString(rng);
            case 7:
                return Pick(rng) + Pick(rng);
            default:
                var sb = new StringBuilder(Pick(rng));
                int mutations = 1 + rng.Next(2);
                for (int i = 0; i < mutations; i++)
                    Mutate(rng, sb);
                return sb.ToString();
        }
    }

    public override void Execute(string input)
    {
        var d = np.dtype(input);
        // NumPy reads the whole Python string, so NULs, other control characters and non-ASCII never pass; only C
        // white space, which strtol skips before a datetime multiplier ("M8[\t7W]"), may appear.
        if (input.AsSpan().ContainsAnyExcept(PrintableOrSpace))
            throw new InvariantException($"'{input}' (with characters outside printable ASCII) was accepted as {d.Repr()}");
        string printed = d.ToString();
        var again = np.dtype(printed);
        // Generic datetime units print without their multiplier ("M8[7generic]" prints as "datetime64"), so for them
        // only the unit has to survive the round trip.
        bool generic = d.DateTimeMeta is { IsGeneric: true } && again.DateTimeMeta is { IsGeneric: true };
        if ((generic ? again.Kind != d.Kind || again.ByteOrder != d.ByteOrder : again != d) || again.ItemSize != d.ItemSize)
            throw new InvariantException($"'{input}' parsed to {d.Repr()}, which prints as '{printed}', which parses to {again.Repr()}");
        if (d.ItemSize < 0)
            throw new InvariantException($"'{input}' has itemsize {d.ItemSize}");
        _ = d.Repr();
    }

    /// <summary>A JSON string, or <c>{"utf16": [...]}</c> when the input holds lone surrogates, which JSON text cannot carry.</summary>
    public override string Encode(string input) => HasLoneSurrogate(input)
        ? JsonSerializer.Serialize(new { utf16 = input.Select(c => (int)c).ToArray() })
        : JsonSerializer.Serialize(input);

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                i++;
            else if (char.IsSurrogate(s[i]))
                return true;
        }
        return false;
    }

    /// <summary>A JSON string, <c>{"utf16": [...]}</c>, or <c>{"prefix", "repeat", "times", "suffix"}</c> for long inputs kept short in the corpus.</summary>
    public override string Decode(string line)
    {
        var node = FuzzJson.Parse(line);
        if (node is System.Text.Json.Nodes.JsonObject { } u && u["utf16"] is System.Text.Json.Nodes.JsonArray codes)
            return new string(codes.Select(c => (char)(int)c!).ToArray());
        if (node is System.Text.Json.Nodes.JsonObject o)
            return (string)o["prefix"]! + string.Concat(Enumerable.Repeat((string)o["repeat"]!, (int)o["times"]!)) + (string)o["suffix"]!;
        return (string)node!;
    }

    private static string Pick(Random rng) => Valid[rng.Next(Valid.Length)];

    private static void Mutate(Random rng, StringBuilder sb)
    {
        int at = rng.Next(sb.Length + 1);
        switch (rng.Next(7))
        {
            case 0:
                sb.Insert(at, Interesting[rng.Next(Interesting.Length)]);
                break;
            case 1 when sb.Length > 0:
                sb.Remove(Math.Min(at, sb.Length - 1), 1);
                break;
            case 2 when sb.Length > 0:
                sb[Math.Min(at, sb.Length - 1)] = Interesting[rng.Next(Interesting.Length)];
                break;
            case 3:
                // Sizes and multipliers at and around the integer limits.
                string[] numbers = ["0", "1", "-1", "2147483647", "2147483648", "4294967296", "9223372036854775807",
                    "9223372036854775808", "18446744073709551616", "99999999999999999999999999", "-0", "007"];
                sb.Insert(at, numbers[rng.Next(numbers.Length)]);
                break;
            case 4:
                sb.Insert(at, Pick(rng));
                break;
            case 5 when sb.Length > 0:
                int from = rng.Next(sb.Length);
                int len = rng.Next(1, sb.Length - from + 1);
                sb.Insert(at, sb.ToString(from, len));
                break;
            default:
                sb.Append(Interesting[rng.Next(Interesting.Length)]);
                break;
        }
    }

    private static string RandomChars(Random rng, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = rng.Next(3) == 0 ? (char)rng.Next(0x10000) : (char)rng.Next(0x20, 0x7f);
        return new string(chars);
    }

    private static string LongString(Random rng)
    {
        int n = rng.Next(1_000, rng.Next(4) == 0 ? 100_000 : 5_000);
        return rng.Next(6) switch
        {
            0 => "S" + new string('9', n),
            1 => "M8[" + new string('1', n) + "s]",
            2 => new string('[', n) + "ns" + new string(']', n),
            3 => "<" + new string('f', n),
            4 => string.Concat(Enumerable.Repeat(Pick(rng), n / 8)),
            _ => RandomChars(rng, n),
        };
    }
}
